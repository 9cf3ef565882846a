import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/**
 * Builders for the Stripe objects the fake serves, in the shapes of Stripe's API reference
 * (API version 2025+: the billing period lives on subscription items).
 */

// Stripe-shaped JSON of many object kinds, mutated in place: typing each is the SDK's job, not the fake's.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const DAY = 86_400;
/** Path segments that are object ids (`/v1/subscriptions/sub_…`). */
export const OBJECT_ID = /^(cus|price|cs_test|bps|sub|in|si|evt|prod)_/;
export const newId = (prefix: string) => `${prefix}_${randomBytes(10).toString("hex")}`;

export function priceObject(priceId: string, nickname: string, unitAmount: number, now: number): Obj {
  return {
    id: priceId,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: now,
    currency: "usd",
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname,
    product: newId("prod"),
    recurring: { interval: "month", interval_count: 1, usage_type: "licensed" },
    type: "recurring",
    unit_amount: unitAmount,
  };
}

/** An item of `subscription` for `price`, billed over the subscription's current period. */
export function subscriptionItem(subscription: Obj, price: Obj, quantity: number, now: number): Obj {
  const first = subscription.items?.data?.[0];
  return {
    id: newId("si"),
    object: "subscription_item",
    created: now,
    current_period_start: first?.current_period_start ?? now,
    current_period_end: first?.current_period_end ?? now + 30 * DAY,
    metadata: {},
    price,
    quantity,
    subscription: subscription.id,
  };
}

export function subscriptionObject(customer: string, metadata: Obj, now: number): Obj {
  const subId = newId("sub");
  return {
    id: subId,
    object: "subscription",
    billing_cycle_anchor: now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    collection_method: "charge_automatically",
    created: now,
    currency: "usd",
    customer,
    ended_at: null,
    items: {
      object: "list",
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/subscription_items?subscription=${subId}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata,
    pending_update: null,
    start_date: now,
    status: "active",
    trial_end: null,
    trial_start: null,
  };
}

export function invoiceObject(
  sub: Obj,
  input: { amount: number; paid: boolean; reason: string; number: string; hostedUrl: string; now: number },
): Obj {
  return {
    id: newId("in"),
    object: "invoice",
    amount_due: input.amount,
    amount_paid: input.paid ? input.amount : 0,
    amount_remaining: input.paid ? 0 : input.amount,
    attempt_count: 1,
    billing_reason: input.reason,
    created: input.now,
    currency: "usd",
    customer: sub.customer,
    hosted_invoice_url: input.hostedUrl,
    livemode: false,
    number: input.number,
    parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: {} } },
    period_start: sub.items.data[0]?.current_period_start ?? input.now,
    period_end: sub.items.data[0]?.current_period_end ?? input.now,
    status: input.paid ? "paid" : "open",
    total: input.amount,
  };
}

export function eventObject(type: string, object: Obj, now: number): Obj {
  return {
    id: newId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now,
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Stripe's error body (`{ error: { type, code, message } }`), which the SDK turns into its error classes. */
export const stripeError = (type: string, code: string, message: string, param?: string) => ({
  error: { type, code, message, ...(param ? { param } : {}) },
});
