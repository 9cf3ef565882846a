import { z } from "zod";
import { requestSync } from "@stagedoor/core";
import { adminProcedure } from "../../trpc";

export const syncNowInput = z.object({
  id: z.string().min(1).max(100),
  trigger: z.enum(["manual", "onboarding"]).optional(),
});

export const syncNowProcedure = adminProcedure
  .input(syncNowInput)
  .mutation(({ ctx, input }) => requestSync(ctx.db, ctx.actor, ctx.integrations, input));
