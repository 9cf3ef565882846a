import { z } from "zod";
import { unregisterEntitySource } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const unregisterSourceInput = z.object({
  ref: z.string().min(1).max(400),
  expectedTotal: z.number().int().min(0).max(1_000_000),
});

export const unregisterSourceProcedure = requirePermission("catalog.import")
  .input(unregisterSourceInput)
  .mutation(({ ctx, input }) => unregisterEntitySource(ctx.tenant, ctx.principal, input));
