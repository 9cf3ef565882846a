import { z } from "zod";
import { listSyncRuns, MAX_RUNS_PAGE } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const listRunsInput = z.object({
  id: z.string().min(1).max(100),
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(MAX_RUNS_PAGE).optional(),
});

export const listRunsProcedure = requirePermission("integrations.read")
  .input(listRunsInput)
  .query(({ ctx, input }) => listSyncRuns(ctx.tenant, ctx.principal, input));
