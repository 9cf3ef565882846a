import { createStripeClient, type Stripe } from "@stagedoor/connectors";
import { AppError } from "../errors";
import { parsePriceConfig, type PriceConfig } from "./plans";

/** What the Stripe-facing services need, built once per process by the host app from its env. */
export type BillingDeps = {
  stripe: Stripe;
  webhookSecret: string;
  prices: PriceConfig;
  /** Public base URL for Checkout and Portal return links (no trailing slash). */
  appUrl: string;
  now?: () => Date;
};

/** The Stripe half of BillingDeps: what the worker's billing jobs need (no webhook, no return URLs). */
export type StripeBilling = Pick<BillingDeps, "stripe" | "prices">;

/**
 * The Stripe client and price ids from the host's configuration (STRIPE_SECRET_KEY,
 * STRIPE_API_BASE, STRIPE_PRICES): the web app and the worker build them with this one
 * function, so both talk to the same Stripe (or Stripe-shaped server) with the same prices.
 */
export function stripeBilling(config: { secretKey: string; apiBase?: string; prices: string }): StripeBilling {
  return {
    stripe: createStripeClient({ secretKey: config.secretKey, apiBase: config.apiBase }),
    prices: parsePriceConfig(config.prices),
  };
}

export function requireBilling(deps: BillingDeps | null | undefined): BillingDeps {
  if (!deps) throw new AppError("PRECONDITION_FAILED", "Billing is not configured on this server.");
  return deps;
}
