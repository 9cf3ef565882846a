import type { Stripe } from "@stagedoor/connectors";
import { AppError } from "../errors";
import type { PriceConfig } from "./plans";

/** What the Stripe-facing services need, built once per process by the host app from its env. */
export type BillingDeps = {
  stripe: Stripe;
  webhookSecret: string;
  prices: PriceConfig;
  /** Public base URL for Checkout and Portal return links (no trailing slash). */
  appUrl: string;
  now?: () => Date;
};

export function requireBilling(deps: BillingDeps | null | undefined): BillingDeps {
  if (!deps) throw new AppError("PRECONDITION_FAILED", "Billing is not configured on this server.");
  return deps;
}
