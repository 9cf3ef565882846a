import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import { PLUGIN_TRIAL_DAYS } from "../limits";
import { PLUGINS, type PluginKey } from "../plugins/registry";
import { lockBillingRow } from "./billing-row";
import { computeEntitlements, seatsOf, type PluginState } from "./entitlements";
import { planByKey, PLANS, type PriceConfig } from "./plans";

export type PluginNavEntry = {
  key: PluginKey;
  name: string;
  href: string;
  state: PluginState;
  /** This member holds a seat and the org is entitled: the plugin opens instead of its locked page. */
  unlocked: boolean;
  readOnly: boolean;
};

/** Premium plugins as this member's navigation shows them (locked ones with the way to get them). */
export async function pluginNavigation(db: TenantDb, principal: Principal): Promise<PluginNavEntry[]> {
  authorize(principal, "org.read");
  const userId = principal.type === "user" ? principal.userId : null;
  const [billing, licenses] = await Promise.all([
    db.orgBilling.findUnique({ where: { orgId: db.orgId } }),
    userId ? db.pluginLicense.findMany({ where: { userId }, select: { pluginKey: true } }) : [],
  ]);
  const ent = computeEntitlements(billing, new Date());
  const mine = new Set(licenses.map((l) => l.pluginKey));
  return PLUGINS.map((p) => {
    const state = ent.plugins[p.key].state;
    return {
      key: p.key,
      name: p.name,
      href: p.nav.href,
      state,
      unlocked: state !== "none" && mine.has(p.key),
      readOnly: state === "locked",
    };
  });
}

/**
 * The admin billing page: plan, status, renewal, seats per plugin, licenses, banner, and
 * the paid plans on offer (`prices`: which have a Stripe price; the others are sold by sales).
 */
export async function getBillingOverview(db: TenantDb, principal: Principal, prices?: PriceConfig | null) {
  authorize(principal, "billing.read");
  const now = new Date();
  const [billing, licenses, members] = await Promise.all([
    db.orgBilling.findUnique({ where: { orgId: db.orgId } }),
    db.pluginLicense.findMany({ select: { pluginKey: true, userId: true, createdAt: true } }),
    db.membership.findMany({
      select: { userId: true, role: true, user: { select: { email: true, name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const ent = computeEntitlements(billing, now);
  const plan = planByKey(ent.plan);
  const plugins = PLUGINS.map((p) => {
    const used = licenses.filter((l) => l.pluginKey === p.key).length;
    const e = ent.plugins[p.key];
    // A downgrade below the seats in use keeps everyone's access until an admin picks who loses it.
    return {
      key: p.key,
      name: p.name,
      description: p.description,
      state: e.state,
      seats: e.seats,
      /** Seats on the subscription (without a trial's), what a plan change starts from. */
      purchased: seatsOf(billing?.pluginSeats, p.key),
      used,
      overBy: Math.max(0, used - e.seats),
    };
  });
  const banner =
    billing?.status === "past_due"
      ? billing.graceEndsAt && billing.graceEndsAt > now
        ? { kind: "grace" as const, until: billing.graceEndsAt }
        : { kind: "locked" as const, until: null }
      : billing?.cancelAtPeriodEnd
        ? { kind: "canceling" as const, until: billing.currentPeriodEnd }
        : null;
  const team = plan.key === "team" && !!billing?.stripeSubscriptionId;
  return {
    plan: { key: plan.key, name: plan.name, features: plan.features },
    /**
     * Team's developer seats: billed (the plan item's quantity in Stripe) and members now.
     * They differ for up to a minute after members join or leave (billing.syncSeats).
     */
    seats: team ? { billed: billing.planSeats, members: members.length } : null,
    /** Stripe charges the customer for more than one subscription: only the newest counts here. */
    subscriptionWarning:
      (billing?.liveSubscriptions ?? 0) > 1
        ? `Stripe has ${billing!.liveSubscriptions} active subscriptions for this org; cancel one in the Billing Portal.`
        : null,
    status: ent.status,
    memberLimit: ent.memberLimit,
    memberCount: members.length,
    renewsAt: billing?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: billing?.cancelAtPeriodEnd ?? false,
    hasCustomer: !!billing?.stripeCustomerId,
    /** A live subscription: buying more changes it instead of starting a Checkout. */
    subscribed: !!billing?.stripeSubscriptionId && billing.status !== "canceled",
    billingConfigured: !!prices,
    offers: PLANS.filter((p) => p.perSeat).map((p) => ({
      key: p.key as Exclude<typeof p.key, "free">,
      name: p.name,
      summary: p.summary,
      features: p.features,
      selfServe: !!prices?.plans[p.key],
      salesContact: p.salesContact,
    })),
    trial: {
      available: !billing?.pluginTrialUsedAt,
      endsAt: billing?.pluginTrialEndsAt ?? null,
    },
    banner,
    plugins,
    members: members.map((m) => ({
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      role: m.role,
      plugins: licenses.filter((l) => l.userId === m.userId).map((l) => l.pluginKey as PluginKey),
    })),
  };
}

/** The org's one 14-day trial of every premium plugin. */
export async function startPluginTrial(db: TenantDb, principal: Principal) {
  authorize(principal, "billing.manage");
  return db.transaction(async (tx) => {
    await lockBillingRow(tx, db.orgId);
    const row = await tx.orgBilling.findUnique({ where: { orgId: db.orgId }, select: { pluginTrialUsedAt: true } });
    if (row?.pluginTrialUsedAt) throw new AppError("CONFLICT", "This organization has already used its plugin trial.");
    const now = new Date();
    const endsAt = new Date(now.getTime() + PLUGIN_TRIAL_DAYS * 24 * 3600 * 1000);
    await tx.orgBilling.update({
      where: { orgId: db.orgId },
      data: { pluginTrialUsedAt: now, pluginTrialEndsAt: endsAt },
    });
    const { actor, data } = auditIdentity(principal);
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "billing.trial_started",
      data: { ...data, endsAt: endsAt.toISOString() },
    });
    return { endsAt };
  });
}
