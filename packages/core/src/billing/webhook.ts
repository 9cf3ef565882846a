import type { Database } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit, type AuditAction } from "../audit/record-audit";
import type { BillingDeps } from "./deps";
import { currentSubscription, factsFrom, liveSubscriptionCount, nextGraceEnd } from "./subscription-sync";

export const STRIPE_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

export type StripeWebhookOutcome = "applied" | "duplicate" | "stale" | "ignored" | "unknown_customer";

const AUDIT: Record<(typeof STRIPE_EVENTS)[number], AuditAction> = {
  "checkout.session.completed": "billing.subscription_changed",
  "customer.subscription.created": "billing.subscription_changed",
  "customer.subscription.updated": "billing.subscription_changed",
  "customer.subscription.deleted": "billing.subscription_changed",
  "invoice.paid": "billing.payment_succeeded",
  "invoice.payment_failed": "billing.payment_failed",
};

/**
 * `/api/stripe/webhook`. The signature is checked on the raw body (anything else: 400, no
 * change). Of the payload only the event id, type, created and the customer id are used:
 * the subscription is re-read from Stripe and the org's entitlements recomputed from it, so
 * out-of-order delivery converges on Stripe's current state. Idempotent by event id; an
 * event older than the newest applied is recorded as stale and changes nothing.
 */
export async function handleStripeWebhook(
  database: Database,
  deps: BillingDeps,
  rawBody: string,
  signature: string | null,
): Promise<{ outcome: StripeWebhookOutcome; eventId?: string }> {
  let event;
  try {
    if (!signature) throw new Error("missing");
    event = deps.stripe.webhooks.constructEvent(rawBody, signature, deps.webhookSecret);
  } catch {
    throw new AppError("BAD_REQUEST", "Invalid Stripe signature.");
  }
  if (!(STRIPE_EVENTS as readonly string[]).includes(event.type)) return { outcome: "ignored", eventId: event.id };
  const type = event.type as (typeof STRIPE_EVENTS)[number];
  const db = database.admin;
  if (await db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } }))
    return { outcome: "duplicate", eventId: event.id };

  const object = event.data.object as { customer?: string | { id: string } | null };
  const customerId = typeof object.customer === "string" ? object.customer : (object.customer?.id ?? null);
  const billing = customerId ? await db.orgBilling.findUnique({ where: { stripeCustomerId: customerId } }) : null;
  if (!billing) {
    await db.stripeEvent.createMany({
      data: [{ id: event.id, type, outcome: "unknown_customer" }],
      skipDuplicates: true,
    });
    return { outcome: "unknown_customer", eventId: event.id };
  }
  const record = (outcome: StripeWebhookOutcome) => ({ id: event.id, type, orgId: billing.orgId, outcome });
  if (event.created < billing.lastEventCreated) {
    await db.stripeEvent.createMany({ data: [record("stale")], skipDuplicates: true });
    return { outcome: "stale", eventId: event.id };
  }

  const subs = await deps.stripe.subscriptions.list({ customer: customerId!, status: "all", limit: 20 });
  const facts = factsFrom(currentSubscription(subs.data), deps.prices);
  const liveSubscriptions = liveSubscriptionCount(subs.data);
  const now = deps.now?.() ?? new Date();
  const applied = await db.transaction(async (tx) => {
    // The event row first: of two concurrent deliveries of one event, the second fails here.
    const inserted = await tx.stripeEvent.createMany({ data: [record("applied")], skipDuplicates: true });
    if (inserted.count === 0) return false;
    const row = await tx.orgBilling.findUniqueOrThrow({ where: { orgId: billing.orgId } });
    await tx.orgBilling.update({
      where: { orgId: billing.orgId },
      data: {
        ...facts,
        liveSubscriptions,
        graceEndsAt: nextGraceEnd(facts.status, row.graceEndsAt, now),
        lastEventCreated: Math.max(row.lastEventCreated, event.created),
      },
    });
    await recordAudit(tx, {
      orgId: billing.orgId,
      actor: null,
      action: AUDIT[type],
      target: facts.stripeSubscriptionId ?? customerId!,
      data: {
        via: "stripe",
        event: type,
        plan: facts.plan,
        status: facts.status,
        pluginSeats: facts.pluginSeats,
        cancelAtPeriodEnd: facts.cancelAtPeriodEnd,
        // Recorded on each event while it lasts, so the log shows when it started and ended.
        ...(liveSubscriptions > 1 ? { warning: `${liveSubscriptions} live subscriptions; counting the newest` } : {}),
      },
    });
    return true;
  });
  return { outcome: applied ? "applied" : "duplicate", eventId: event.id };
}
