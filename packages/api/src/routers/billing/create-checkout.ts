import { z } from "zod";
import { createCheckout, PLUGIN_KEYS, requireBilling } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

export const createCheckoutInput = z.object({
  plan: z.enum(["team", "enterprise"]),
  pluginSeats: z
    .partialRecord(z.enum(PLUGIN_KEYS as [string, ...string[]]), z.number().int().min(0).max(10_000))
    .default({}),
});

export const createCheckoutProcedure = requirePermission("billing.manage")
  .input(createCheckoutInput)
  .mutation(({ ctx, input }) =>
    createCheckout(ctx.tenant, ctx.principal, requireBilling(ctx.billing), ctx.org.slug, {
      plan: input.plan,
      pluginSeats: input.pluginSeats as Record<string, number>,
    }),
  );
