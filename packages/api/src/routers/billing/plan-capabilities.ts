import { getPlanCapabilities } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

/** The org's plan and which features it locks, so pages show a locked feature with the plan that unlocks it. */
export const planCapabilitiesProcedure = requirePermission("org.read").query(({ ctx }) =>
  getPlanCapabilities(ctx.tenant, ctx.principal),
);
