import { z } from "zod";
import { requestSync } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const syncNowInput = z.object({
  id: z.string().min(1).max(100),
  trigger: z.enum(["manual", "onboarding"]).optional(),
});

export const syncNowProcedure = requirePermission("integrations.manage")
  .input(syncNowInput)
  .mutation(({ ctx, input }) => requestSync(ctx.tenant, ctx.principal, ctx.integrations, input));
