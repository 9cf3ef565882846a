import { entityCosts } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityCostsInput } from "./schemas";

export const forEntityProcedure = requirePermission("costs.read")
  .input(entityCostsInput)
  .query(({ ctx, input }) => entityCosts(ctx.tenant, ctx.principal, input.ref));
