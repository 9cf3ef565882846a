import { listIntegrations } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listIntegrationsProcedure = requirePermission("integrations.read").query(({ ctx }) =>
  listIntegrations(ctx.tenant, ctx.principal),
);
