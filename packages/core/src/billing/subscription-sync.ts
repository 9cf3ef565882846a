import type { Stripe } from "@stagedoor/connectors";
import type { PluginKey } from "../plugins/registry";
import { PAYMENT_GRACE_DAYS } from "../limits";
import { planByKey, priceTarget, type PlanKey, type PriceConfig } from "./plans";

/** OrgBilling columns derived from a Stripe subscription (never from a webhook payload). */
export type SubscriptionFacts = {
  stripeSubscriptionId: string | null;
  plan: PlanKey;
  status: "none" | "trialing" | "active" | "past_due" | "canceled";
  memberLimit: number | null;
  /** Quantity of the plan item (Team: developer seats billed); null without a plan item. */
  planSeats: number | null;
  pluginSeats: Partial<Record<PluginKey, number>>;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

const STATUS: Record<string, SubscriptionFacts["status"]> = {
  trialing: "trialing",
  active: "active",
  past_due: "past_due",
  // Stripe's other unpaid states lock like past_due once grace is over.
  unpaid: "past_due",
  incomplete: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
  paused: "canceled",
};

/** The subscription that counts for a customer: the newest live one, else none. */
export function currentSubscription(subs: Stripe.Subscription[]): Stripe.Subscription | null {
  const live = subs.filter((s) => s.status !== "canceled" && s.status !== "incomplete_expired");
  return live.sort((a, b) => b.created - a.created)[0] ?? null;
}

const LIVE: ReadonlySet<string> = new Set(["active", "trialing", "past_due"]);

/**
 * Subscriptions the customer is being charged for (active, trialing, past_due). More than
 * one means an org pays twice (e.g. a second Checkout finished in another tab before the
 * first webhook arrived): only the newest counts, and the billing page asks an admin to
 * cancel the other in the Billing Portal rather than this server cancelling either.
 */
export const liveSubscriptionCount = (subs: Stripe.Subscription[]): number =>
  subs.filter((s) => LIVE.has(s.status)).length;

export function factsFrom(sub: Stripe.Subscription | null, prices: PriceConfig): SubscriptionFacts {
  if (!sub) {
    return {
      stripeSubscriptionId: null,
      plan: "free",
      status: "canceled",
      memberLimit: planByKey("free").memberLimit,
      planSeats: null,
      pluginSeats: {},
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
    };
  }
  let plan: PlanKey = "free";
  let planSeats: number | null = null;
  const pluginSeats: Partial<Record<PluginKey, number>> = {};
  let periodEnd = 0;
  for (const item of sub.items.data) {
    const target = priceTarget(prices, item.price.id);
    if (target?.kind === "plan") {
      plan = target.key;
      planSeats = item.quantity ?? 1;
    }
    if (target?.kind === "plugin") pluginSeats[target.key] = (pluginSeats[target.key] ?? 0) + (item.quantity ?? 0);
    periodEnd = Math.max(periodEnd, item.current_period_end ?? 0);
  }
  return {
    stripeSubscriptionId: sub.id,
    plan,
    status: STATUS[sub.status] ?? "canceled",
    memberLimit: planByKey(plan).memberLimit,
    planSeats,
    pluginSeats,
    currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
  };
}

/** Grace starts at the first failure and is kept (not extended) by later ones; paying clears it. */
export function nextGraceEnd(status: SubscriptionFacts["status"], current: Date | null, now: Date): Date | null {
  if (status !== "past_due") return null;
  return current ?? new Date(now.getTime() + PAYMENT_GRACE_DAYS * 24 * 3600 * 1000);
}
