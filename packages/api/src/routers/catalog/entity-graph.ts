import { z } from "zod";
import { getEntityGraph, MAX_GRAPH_HOPS } from "@stagedoor/core";
import { requirePermission } from "../../trpc";
import { entityRefInput } from "./schemas";

export const entityGraphProcedure = requirePermission("catalog.read")
  .input(
    entityRefInput.extend({
      hops: z.number().int().min(1).max(MAX_GRAPH_HOPS).default(1),
      relationTypes: z.array(z.string().max(50)).max(20).optional(),
    }),
  )
  .query(({ ctx, input }) =>
    getEntityGraph(ctx.tenant, ctx.principal, input.ref, { hops: input.hops, relationTypes: input.relationTypes }),
  );
