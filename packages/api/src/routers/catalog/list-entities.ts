import { z } from "zod";
import { listEntities, scopeQuery } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityQueryInput } from "./schemas";

export const listEntitiesInput = entityQueryInput.extend({
  sort: z.enum(["name", "kind", "updated"]).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(1000).nullish(),
});

export const listEntitiesProcedure = requirePermission("catalog.read")
  .input(listEntitiesInput)
  .query(async ({ ctx, input }) => {
    const { scope, ...query } = input;
    const scoped = await scopeQuery(ctx.tenant, ctx.principal, query, scope);
    return listEntities(ctx.tenant, ctx.principal, { ...scoped, fuzzy: true, withTotal: true });
  });
