import { COST_INSIGHTS_READ, costInsights } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { insightsInput } from "./schemas";

export const insightsProcedure = requirePermission(COST_INSIGHTS_READ)
  .input(insightsInput)
  .query(({ ctx, input }) => costInsights(ctx.tenant, ctx.principal, input));
