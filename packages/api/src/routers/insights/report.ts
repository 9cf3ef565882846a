import { insightsRangeInput, insightsReport, pluginPermission } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const reportProcedure = requirePermission(pluginPermission("insights", "read"))
  .input(insightsRangeInput)
  .query(({ ctx, input }) => insightsReport(ctx.tenant, ctx.principal, input));
