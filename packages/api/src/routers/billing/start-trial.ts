import { startPluginTrial } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const startTrialProcedure = requirePermission("billing.manage").mutation(({ ctx }) =>
  startPluginTrial(ctx.tenant, ctx.principal),
);
