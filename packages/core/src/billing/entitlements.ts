import { PLUGINS, type PluginKey } from "../plugins/registry";
import { PLUGIN_TRIAL_SEATS } from "../limits";
import { planByKey, type PlanKey } from "./plans";

/** The OrgBilling columns entitlements are computed from (a missing row is the free plan). */
export type BillingRow = {
  plan: string;
  status: string;
  memberLimit: number | null;
  pluginSeats: unknown;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  graceEndsAt: Date | null;
  pluginTrialEndsAt: Date | null;
  pluginTrialUsedAt: Date | null;
};

/**
 * - `active`: paid (or Stripe-trialing) seats
 * - `trial`: the org's one plugin trial is running
 * - `grace`: a payment failed; everything still works until `graceEndsAt`, with a banner
 * - `locked`: grace is over; the plugin is read-only until the invoice is paid
 * - `none`: not licensed
 */
export type PluginState = "active" | "trial" | "grace" | "locked" | "none";
export type PluginEntitlement = { key: PluginKey; state: PluginState; seats: number };
export type Entitlements = {
  plan: PlanKey;
  status: string;
  memberLimit: number | null;
  plugins: Record<PluginKey, PluginEntitlement>;
};

export const FREE_BILLING: BillingRow = {
  plan: "free",
  status: "none",
  memberLimit: planByKey("free").memberLimit,
  pluginSeats: {},
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  graceEndsAt: null,
  pluginTrialEndsAt: null,
  pluginTrialUsedAt: null,
};

export function seatsOf(pluginSeats: unknown, key: PluginKey): number {
  const value = (pluginSeats as Record<string, unknown> | null)?.[key];
  return typeof value === "number" && value > 0 ? Math.floor(value) : 0;
}

/**
 * Where the org stands with its payments, the one lifecycle every paid thing follows
 * (premium plugins here, plan capabilities in plan-capabilities.ts):
 * - `paying`: active or Stripe-trialing
 * - `grace`: a payment failed; everything still works until `graceEndsAt`, with a banner
 * - `lapsed`: grace is over and the invoice is unpaid
 * - `unpaid`: nothing paid for (Free, canceled)
 */
export type PaymentStanding = "paying" | "grace" | "lapsed" | "unpaid";

export function paymentStanding(billing: Pick<BillingRow, "status" | "graceEndsAt">, now: Date): PaymentStanding {
  if (billing.status === "active" || billing.status === "trialing") return "paying";
  if (billing.status === "past_due") return billing.graceEndsAt && billing.graceEndsAt > now ? "grace" : "lapsed";
  return "unpaid";
}

export function computeEntitlements(row: BillingRow | null, now: Date): Entitlements {
  const billing = row ?? FREE_BILLING;
  const plan = planByKey(billing.plan);
  const standing = paymentStanding(billing, now);
  const paying = standing === "paying";
  const pastDue = standing === "grace" || standing === "lapsed";
  const trialRunning = !!billing.pluginTrialEndsAt && billing.pluginTrialEndsAt > now;
  const plugins = Object.fromEntries(
    PLUGINS.map((p) => {
      const bought = seatsOf(billing.pluginSeats, p.key);
      let entitlement: PluginEntitlement;
      if (bought > 0 && paying) entitlement = { key: p.key, state: "active", seats: bought };
      else if (bought > 0 && pastDue)
        entitlement = { key: p.key, state: standing === "grace" ? "grace" : "locked", seats: bought };
      else if (trialRunning) entitlement = { key: p.key, state: "trial", seats: Math.max(bought, PLUGIN_TRIAL_SEATS) };
      else entitlement = { key: p.key, state: "none", seats: 0 };
      return [p.key, entitlement];
    }),
  ) as Record<PluginKey, PluginEntitlement>;
  return { plan: plan.key, status: billing.status, memberLimit: billing.memberLimit, plugins };
}
