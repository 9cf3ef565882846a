import Stripe from "stripe";

export type StripeConfig = {
  secretKey: string;
  /** e.g. http://127.0.0.1:12111 for the local Stripe-shaped server; unset: api.stripe.com. */
  apiBase?: string;
};

/** The Stripe SDK, pointed at Stripe or at a Stripe-shaped server (tests, `npm start`). */
export function createStripeClient({ secretKey, apiBase }: StripeConfig): Stripe {
  if (!apiBase) return new Stripe(secretKey, { maxNetworkRetries: 2 });
  const url = new URL(apiBase);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "https:" ? 443 : 80),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  });
}

export type { Stripe };
