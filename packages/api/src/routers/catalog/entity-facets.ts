import { z } from "zod";
import { entityFacets, FACET_KEYS } from "@stagedoor/core";
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
  .query(({ ctx, input }) => entityFacets(ctx.tenant, ctx.principal, input));
