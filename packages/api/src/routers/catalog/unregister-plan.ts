import { planUnregister } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const unregisterPlanProcedure = requirePermission("catalog.import")
  .input(entityRefInput)
  .query(({ ctx, input }) => planUnregister(ctx.tenant, ctx.principal, input.ref));
