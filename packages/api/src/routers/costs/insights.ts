import { costInsights } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { insightsInput } from "./schemas";

export const insightsProcedure = requirePermission("costs.read")
  .input(insightsInput)
  .query(({ ctx, input }) => costInsights(ctx.tenant, ctx.principal, input));
