import { PLUGIN_KEYS, type PluginKey } from "../plugins/registry";

/**
 * Plans as data. What a plan allows is copied onto the org's OrgBilling row when its
 * subscription changes, so authorization reads one row and never calls Stripe. Stripe
 * price ids are configuration (`STRIPE_PRICES`, see parsePriceConfig), never code.
 */
export type PlanKey = "free" | "team" | "enterprise";

/**
 * What a plan unlocks, read from the plan key on the org's billing row at the time of use
 * (no Stripe call). Enforced by billing/plan-capabilities.ts; `features` below is only text.
 */
export type PlanCapabilities = {
  /** Integrations an org may connect per provider kind (GitHub, Kubernetes, cost); null: no limit. */
  integrationsPerKind: number | null;
  /** Switching "Require SSO" on (OIDC/SAML sign-in itself is on every plan). */
  requireSso: boolean;
  /** Creating SCIM tokens and provisioning over SCIM. */
  scim: boolean;
  /** Downloading the audit log as CSV (reading it in the app is on every plan). */
  auditExport: boolean;
  /**
   * How far back history views reach (audit log list and export, Insights, Cost Insights),
   * in days including today. Only what views offer: nothing older is deleted.
   */
  historyDays: number;
};
export type Plan = {
  key: PlanKey;
  name: string;
  summary: string;
  /** Members (and pending invitations) an org on this plan may have; null: no limit. */
  memberLimit: number | null;
  features: readonly string[];
  /** Bought per developer seat (quantity = seats) rather than per org. */
  perSeat: boolean;
  /** Where to talk to sales when the plan has no self-serve price configured. */
  salesContact: string | null;
  capabilities: PlanCapabilities;
};

export const PLANS: readonly Plan[] = [
  {
    key: "free",
    name: "Free",
    summary: "The core portal for small teams.",
    memberLimit: 10,
    features: ["Up to 10 members", "One integration of each kind", "Software catalog, CI runs, workloads"],
    perSeat: false,
    salesContact: null,
    // History: a month (Free: "what happened lately"), a quarter (Team: quarterly reviews,
    // and Cost Insights' 90-day view), 400 days (Enterprise: a 12-month audit period such
    // as SOC 2's, plus the weeks an audit runs late, and year-over-year comparisons).
    capabilities: { integrationsPerKind: 1, requireSso: false, scim: false, auditExport: false, historyDays: 30 },
  },
  {
    key: "team",
    name: "Team",
    summary: "Per-developer seats, every integration.",
    memberLimit: null,
    features: ["Unlimited members (per seat)", "All integrations", "Premium plugins as add-ons"],
    perSeat: true,
    salesContact: null,
    capabilities: { integrationsPerKind: null, requireSso: false, scim: false, auditExport: false, historyDays: 90 },
  },
  {
    key: "enterprise",
    name: "Enterprise",
    summary: "For organizations that need control.",
    memberLimit: null,
    features: ["Enforced SSO per org", "SCIM provisioning", "Audit log export", "Longer history"],
    perSeat: true,
    salesContact: "mailto:sales@stagedoor.dev?subject=Stagedoor%20Enterprise",
    capabilities: { integrationsPerKind: null, requireSso: true, scim: true, auditExport: true, historyDays: 400 },
  },
];

export const planByKey = (key: string): Plan => PLANS.find((p) => p.key === key) ?? PLANS[0]!;
export const isPlanKey = (key: string): key is PlanKey => PLANS.some((p) => p.key === key);

/** Stripe price id per plan and per premium plugin (a per-seat add-on). */
export type PriceConfig = {
  plans: Partial<Record<PlanKey, string>>;
  plugins: Partial<Record<PluginKey, string>>;
};

/**
 * `STRIPE_PRICES` is `key=price_id` pairs separated by commas, where key is a plan key
 * (team, enterprise) or a plugin key (cost-insights, scorecards, ...). Unknown keys are an
 * error so a typo does not silently leave something unsellable.
 */
export function parsePriceConfig(raw: string | undefined): PriceConfig {
  const config: PriceConfig = { plans: {}, plugins: {} };
  for (const pair of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [key, price] = pair.split("=").map((s) => s.trim());
    if (!key || !price) throw new Error(`STRIPE_PRICES: "${pair}" is not key=price_id`);
    if (isPlanKey(key) && key !== "free") config.plans[key] = price;
    else if ((PLUGIN_KEYS as readonly string[]).includes(key)) config.plugins[key as PluginKey] = price;
    else throw new Error(`STRIPE_PRICES: unknown plan or plugin "${key}"`);
  }
  return config;
}

/** What a price id sells, for reading a subscription's items back. */
export function priceTarget(
  config: PriceConfig,
  priceId: string,
): { kind: "plan"; key: PlanKey } | { kind: "plugin"; key: PluginKey } | null {
  for (const [key, id] of Object.entries(config.plans))
    if (id === priceId) return { kind: "plan", key: key as PlanKey };
  for (const [key, id] of Object.entries(config.plugins))
    if (id === priceId) return { kind: "plugin", key: key as PluginKey };
  return null;
}
