import { handleStripeWebhook, isAppError, type BillingDeps } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { readLimitedBody } from "../http/read-limited-body";

/** Stripe events are small; anything bigger is not one. */
const MAX_STRIPE_EVENT_BYTES = 512 * 1024;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * `/api/stripe/webhook`: the raw body (never re-serialized, the signature covers its bytes)
 * goes to core's handleStripeWebhook. Forged or unsigned: 400. Duplicates, stale and
 * ignored events answer 200 so Stripe stops retrying them.
 */
export async function handleStripeWebhookRequest(
  request: Request,
  deps: { db: Database; billing: BillingDeps | null },
): Promise<Response> {
  if (!deps.billing) return json(404, { error: "Billing is not configured." });
  const body = await readLimitedBody(request, MAX_STRIPE_EVENT_BYTES);
  if (!body) return json(413, { error: "Payload too large." });
  try {
    const result = await handleStripeWebhook(
      deps.db,
      deps.billing,
      new TextDecoder().decode(body),
      request.headers.get("stripe-signature"),
    );
    return json(200, { received: true, ...result });
  } catch (error) {
    if (isAppError(error) && error.code === "BAD_REQUEST") return json(400, { error: error.message });
    throw error;
  }
}
