import { z } from "zod";
import { getRelatedEntities } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const relatedEntitiesInput = z.object({
  ref: z.string().min(1).max(400),
  types: z.array(z.string().min(1).max(50)).max(20).optional(),
});

export const relatedEntitiesProcedure = requirePermission("catalog.read")
  .input(relatedEntitiesInput)
  .query(({ ctx, input }) => getRelatedEntities(ctx.tenant, ctx.principal, input.ref, { types: input.types }));
