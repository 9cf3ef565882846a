import { z } from "zod";
import { starEntity, unstarEntity } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const starEntityInput = z.object({ ref: z.string().min(1).max(400), starred: z.boolean() });

/** Stars or unstars an entity for the signed-in member. */
export const starEntityProcedure = orgProcedure
  .input(starEntityInput)
  .mutation(({ ctx, input }) =>
    input.starred ? starEntity(ctx.db, ctx.actor.userId, input.ref) : unstarEntity(ctx.db, ctx.actor.userId, input.ref),
  );
