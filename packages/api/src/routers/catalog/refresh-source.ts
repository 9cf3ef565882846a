import { refreshEntitySource } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const refreshSourceProcedure = requirePermission("catalog.import")
  .input(entityRefInput)
  .mutation(({ ctx, input }) => refreshEntitySource(ctx.tenant, ctx.principal, ctx.integrations, input.ref));
