import { saveCostIntegration } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { saveCostInput } from "./schemas";

export const saveExportProcedure = requirePermission("integrations.manage")
  .input(saveCostInput)
  .mutation(({ ctx, input }) => saveCostIntegration(ctx.tenant, ctx.principal, ctx.integrations, input));
