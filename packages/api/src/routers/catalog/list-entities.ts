import { z } from "zod";
import { listEntities } from "@stagedoor/core";
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
  .query(({ ctx, input }) => listEntities(ctx.tenant, ctx.principal, { ...input, withTotal: true }));
