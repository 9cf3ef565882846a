import { getOnboarding } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const getOnboardingProcedure = requirePermission("org.read").query(({ ctx }) =>
  getOnboarding(ctx.tenant, ctx.principal),
);
