import { z } from "zod";
import { entityFacets, FACET_KEYS, scopeQuery } from "@stagedoor/core";
import { orgProcedure } from "../../trpc";
import { entityQueryInput } from "./schemas";

export const entityFacetsProcedure = orgProcedure
  .input(
    entityQueryInput.extend({
      facets: z
        .array(z.enum(FACET_KEYS))
        .min(1)
        .default([...FACET_KEYS]),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { scope, ...query } = input;
    return entityFacets(ctx.db, { ...(await scopeQuery(ctx.db, ctx.actor.userId, query, scope)), fuzzy: true });
  });
