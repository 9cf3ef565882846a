import { z } from "zod";
import { entityFacets, FACET_KEYS, scopeQuery } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityQueryInput } from "./schemas";

export const entityFacetsProcedure = requirePermission("catalog.read")
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
    const scoped = await scopeQuery(ctx.tenant, ctx.principal, query, scope);
    return entityFacets(ctx.tenant, ctx.principal, { ...scoped, fuzzy: true });
  });
