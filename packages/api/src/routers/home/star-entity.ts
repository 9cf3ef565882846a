import { z } from "zod";
import { starEntity, unstarEntity } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const starEntityInput = z.object({ ref: z.string().min(1).max(400), starred: z.boolean() });

/** Stars or unstars an entity for the signed-in member. */
export const starEntityProcedure = requirePermission("catalog.read")
  .input(starEntityInput)
  .mutation(({ ctx, input }) =>
    input.starred
      ? starEntity(ctx.tenant, ctx.principal, input.ref)
      : unstarEntity(ctx.tenant, ctx.principal, input.ref),
  );
