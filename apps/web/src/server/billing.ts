import "server-only";
import { stripeBilling, type BillingDeps } from "@stagedoor/core";
import { env } from "@/env";

const g = globalThis as unknown as { stagedoorBilling?: BillingDeps | null };

/**
 * The Stripe SDK and price configuration, or null when billing is not configured
 * (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET). STRIPE_API_BASE points the SDK at a
 * Stripe-shaped server (`npm start` runs one locally).
 */
export function billingDeps(): BillingDeps | null {
  if (g.stagedoorBilling === undefined) {
    const e = env();
    g.stagedoorBilling =
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            ...stripeBilling({ secretKey: e.STRIPE_SECRET_KEY, apiBase: e.STRIPE_API_BASE, prices: e.STRIPE_PRICES }),
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            appUrl: (e.BILLING_RETURN_URL ?? e.AUTH_URL ?? "http://localhost:3000").replace(/\/$/, ""),
          }
        : null;
  }
  return g.stagedoorBilling;
}
