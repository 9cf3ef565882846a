import { handleStripeWebhookRequest } from "@stagedoor/api/webhooks";
import { db } from "@/server/db";
import { billingDeps } from "@/server/billing";

export const dynamic = "force-dynamic";

// Stripe's webhook endpoint: signature, idempotency and the subscription re-read happen in
// packages/api/src/webhooks/stripe-webhook.ts and core's billing; this only mounts it.
export async function POST(request: Request) {
  return handleStripeWebhookRequest(request, { db: db(), billing: billingDeps() });
}
