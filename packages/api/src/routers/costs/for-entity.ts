import { COST_INSIGHTS_READ, entityCosts } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityCostsInput } from "./schemas";

export const forEntityProcedure = requirePermission(COST_INSIGHTS_READ)
  .input(entityCostsInput)
  .query(({ ctx, input }) => entityCosts(ctx.tenant, ctx.principal, input.ref));
