import { z } from "zod";
import { createCheckout, MAX_LICENSE_BULK, PLUGIN_KEYS, requireBilling } from "@stagedoor/core";
import { requirePermission } from "../../trpc";

const pluginKey = z.enum(PLUGIN_KEYS as [string, ...string[]]);

export const createCheckoutInput = z.object({
  plan: z.enum(["team", "enterprise"]),
  pluginSeats: z.partialRecord(pluginKey, z.number().int().min(0).max(10_000)).default({}),
  /** A downgrade below the seats in use: the members whose licenses go, per plugin. */
  release: z.partialRecord(pluginKey, z.array(z.string().min(1).max(100)).max(MAX_LICENSE_BULK)).default({}),
});

/** Checkout for a first subscription; an org that already has one changes it in place. */
export const createCheckoutProcedure = requirePermission("billing.manage")
  .input(createCheckoutInput)
  .mutation(({ ctx, input }) =>
    createCheckout(ctx.tenant, ctx.principal, requireBilling(ctx.billing), ctx.org.slug, {
      plan: input.plan,
      pluginSeats: input.pluginSeats as Record<string, number>,
      release: input.release as Record<string, string[]>,
    }),
  );
