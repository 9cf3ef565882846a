import { z } from "zod";
import { latestRunsForRefs, MAX_BADGE_REFS } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const latestForRefsInput = z.object({ refs: z.array(z.string().min(1).max(300)).max(MAX_BADGE_REFS) });

export const latestForRefsProcedure = requirePermission("catalog.read")
  .input(latestForRefsInput)
  .query(({ ctx, input }) => latestRunsForRefs(ctx.tenant, ctx.principal, input.refs));
