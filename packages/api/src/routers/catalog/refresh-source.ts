import { refreshEntitySource } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";
import { entityRefInput } from "./schemas";

export const refreshSourceProcedure = adminProcedure
  .input(entityRefInput)
  .mutation(({ ctx, input }) => refreshEntitySource(ctx.db, ctx.actor, ctx.integrations, input.ref));
