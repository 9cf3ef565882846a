import { getEntity } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const getEntityProcedure = requirePermission("catalog.read")
  .input(entityRefInput)
  .query(({ ctx, input }) => getEntity(ctx.tenant, ctx.principal, input.ref));
