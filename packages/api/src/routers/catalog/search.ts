import { z } from "zod";
import { searchEntities, MAX_SEARCH_RESULTS } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const searchInput = z.object({
  text: z.string().max(200),
  limit: z.number().int().min(1).max(MAX_SEARCH_RESULTS).default(10),
});

export const searchProcedure = requirePermission("catalog.read")
  .input(searchInput)
  .query(({ ctx, input }) => searchEntities(ctx.tenant, ctx.principal, input.text, input.limit));
