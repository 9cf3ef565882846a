import Stripe from "stripe";
import {
  eventObject,
  invoiceObject,
  priceObject,
  stripeError,
  subscriptionItem,
  subscriptionObject,
  type Obj,
} from "./fake-stripe-objects";
import { applyItemChanges } from "./fake-stripe-subscription-update";

export type FakeStripeOptions = {
  port?: number;
  webhookUrl?: string;
  webhookSecret?: string;
  /** Prices to create up front: id -> [nickname, unit amount in cents]. */
  prices?: Record<string, { nickname: string; unitAmount: number }>;
};

/**
 * What the fake Stripe holds (customers, prices, sessions, subscriptions, invoices, events)
 * and the changes tests drive directly; fake-stripe.ts serves it over HTTP.
 */
export class FakeStripeState {
  readonly customers = new Map<string, Obj>();
  readonly prices = new Map<string, Obj>();
  readonly sessions = new Map<string, Obj>();
  readonly subscriptions = new Map<string, Obj>();
  readonly invoices = new Map<string, Obj>();
  readonly events: Obj[] = [];
  /** Every API request, as `METHOD /path`, for tests that count Stripe calls. */
  readonly requests: string[] = [];
  /** Successful POST results by Idempotency-Key (Stripe keeps them 24 hours). */
  readonly idempotentResults = new Map<string, unknown>();
  /** Customers whose card is declined from now on (`/_fake/decline-payments`). */
  readonly decliningCustomers = new Set<string>();
  /** Seconds added to the wall clock (tests move time forward). */
  clockOffset = 0;
  url = "";

  constructor(readonly options: FakeStripeOptions = {}) {
    for (const [priceId, p] of Object.entries(options.prices ?? {})) this.addPrice(priceId, p.nickname, p.unitAmount);
  }

  now = () => Math.floor(Date.now() / 1000) + this.clockOffset;

  addPrice(priceId: string, nickname: string, unitAmount: number) {
    const price = priceObject(priceId, nickname, unitAmount, this.now());
    this.prices.set(priceId, price);
    return price;
  }

  // ---------- state changes (also used by tests directly) ----------

  createSubscription(customer: string, items: { price: string; quantity: number }[], metadata: Obj = {}) {
    const sub = subscriptionObject(customer, metadata, this.now());
    for (const i of items)
      sub.items.data.push(
        subscriptionItem(sub, this.prices.get(i.price) ?? this.addPrice(i.price, i.price, 0), i.quantity, this.now()),
      );
    sub.items.total_count = items.length;
    this.subscriptions.set(sub.id, sub);
    this.invoiceFor(sub, "paid");
    return sub;
  }

  invoiceFor(sub: Obj, status: "paid" | "open", amount?: number, reason = "subscription_cycle") {
    const inv = invoiceObject(sub, {
      amount: amount ?? sub.items.data.reduce((s: number, i: Obj) => s + i.price.unit_amount * i.quantity, 0),
      paid: status === "paid",
      reason,
      number: `FAKE-${String(this.invoices.size + 1).padStart(4, "0")}`,
      hostedUrl: `${this.url}/invoice/${sub.id}`,
      now: this.now(),
    });
    this.invoices.set(inv.id, inv);
    sub.latest_invoice = inv.id;
    return inv;
  }

  /**
   * `POST /v1/subscriptions/:id`: items, `proration_behavior` (`always_invoice` bills the
   * difference now) and `payment_behavior` (`error_if_incomplete`: a declined card answers
   * 402 and nothing changes), `cancel_at_period_end`, `metadata`. Sends the webhooks.
   */
  async updateSubscription(sub: Obj, body: Obj): Promise<{ status: number; body: Obj }> {
    const draft = structuredClone(sub);
    let prorated = 0;
    if (Array.isArray(body.items)) {
      const changed = applyItemChanges(draft, body.items, (p) => this.prices.get(p) ?? null, this.now());
      if (!changed.ok) return changed;
      prorated = changed.proratedAmount;
    }
    const invoiceNow = body.items && body.proration_behavior === "always_invoice" && prorated > 0;
    const declined = invoiceNow && this.decliningCustomers.has(sub.customer);
    if (declined && body.payment_behavior === "error_if_incomplete")
      return {
        status: 402,
        body: {
          error: {
            ...stripeError("card_error", "card_declined", "Your card was declined.").error,
            decline_code: "generic_decline",
          },
        },
      };
    if (body.cancel_at_period_end !== undefined) {
      draft.cancel_at_period_end = body.cancel_at_period_end === "true";
      draft.cancel_at = draft.cancel_at_period_end ? draft.items.data[0]?.current_period_end : null;
    }
    if (body.metadata) draft.metadata = { ...draft.metadata, ...body.metadata };
    Object.assign(sub, draft);
    const events = [];
    if (invoiceNow) {
      const inv = this.invoiceFor(sub, declined ? "open" : "paid", prorated, "subscription_update");
      if (declined) sub.status = "past_due";
      events.push(this.event(declined ? "invoice.payment_failed" : "invoice.paid", inv));
    }
    events.push(this.event("customer.subscription.updated", sub));
    await this.deliver(events);
    return { status: 200, body: sub };
  }

  /** The next renewal fails: subscription past_due, an open invoice, `invoice.payment_failed`. */
  failPayment(subId: string) {
    const sub = this.mustSub(subId);
    sub.status = "past_due";
    const inv = this.invoiceFor(sub, "open");
    return [this.event("invoice.payment_failed", inv), this.event("customer.subscription.updated", sub)];
  }

  /** The open invoice is paid: subscription active again. */
  pay(subId: string) {
    const sub = this.mustSub(subId);
    const inv = this.invoices.get(sub.latest_invoice)!;
    Object.assign(inv, { status: "paid", amount_paid: inv.amount_due, amount_remaining: 0 });
    sub.status = "active";
    return [this.event("invoice.paid", inv), this.event("customer.subscription.updated", sub)];
  }

  cancelAtPeriodEnd(subId: string) {
    const sub = this.mustSub(subId);
    sub.cancel_at_period_end = true;
    sub.cancel_at = sub.items.data[0]?.current_period_end ?? this.now();
    return [this.event("customer.subscription.updated", sub)];
  }

  /** The period ended after a cancellation (or an immediate cancel). */
  endSubscription(subId: string) {
    const sub = this.mustSub(subId);
    Object.assign(sub, { status: "canceled", ended_at: this.now(), canceled_at: this.now() });
    return [this.event("customer.subscription.deleted", sub)];
  }

  event(type: string, object: Obj): Obj {
    const event = eventObject(type, object, this.now());
    this.events.push(event);
    return event;
  }

  /** Signs like Stripe (`Stripe-Signature`) and posts to the configured webhook URL. */
  async deliver(events: Obj[]) {
    const { webhookUrl, webhookSecret } = this.options;
    if (!webhookUrl || !webhookSecret) return;
    const stripe = new Stripe("sk_test_fake");
    for (const event of events) {
      const payload = JSON.stringify(event);
      const header = stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
      const res = await fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": header },
        body: payload,
      });
      if (!res.ok) console.error(`[fake-stripe] webhook ${event.type} answered ${res.status}`);
    }
  }

  protected mustSub(subId: string) {
    const sub = this.subscriptions.get(subId);
    if (!sub) throw new Error(`no subscription ${subId}`);
    return sub;
  }
}
