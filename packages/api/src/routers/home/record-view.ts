import { recordEntityView } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { entityRefInput } from "../catalog/schemas";

export const recordViewProcedure = orgProcedure
  .input(entityRefInput)
  .mutation(({ ctx, input }) => recordEntityView(ctx.db, ctx.actor.userId, input.ref));
