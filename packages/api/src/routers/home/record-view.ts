import { recordEntityView } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "../catalog/schemas";

export const recordViewProcedure = requirePermission("catalog.read")
  .input(entityRefInput)
  .mutation(({ ctx, input }) => recordEntityView(ctx.tenant, ctx.principal, input.ref));
