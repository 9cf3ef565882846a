import { z } from "zod";
import { getRelatedEntities } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";

export const relatedEntitiesInput = z.object({
  ref: z.string().min(1).max(400),
  types: z.array(z.string().min(1).max(50)).max(20).optional(),
});

export const relatedEntitiesProcedure = orgProcedure
  .input(relatedEntitiesInput)
  .query(({ ctx, input }) => getRelatedEntities(ctx.db, input.ref, { types: input.types }));
