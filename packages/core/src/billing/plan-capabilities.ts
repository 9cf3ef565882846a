import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";
import { lockBillingRow } from "./billing-row";
import { paymentStanding } from "./entitlements";
import { PLANS, planByKey, type Plan, type PlanCapabilities } from "./plans";

/**
 * The one place plan capabilities are enforced (plans.ts says what each plan unlocks).
 * Services call these before the action a plan gates; they read the plan key and payment
 * standing from the org's billing row (a missing row is Free) and never call Stripe. A paid
 * plan follows the premium plugins' lifecycle (entitlements.ts `paymentStanding`): during
 * the grace period after a failed payment everything works, once grace is over the plan is
 * "lapsed" and Free's capabilities apply until the invoice is paid. They only refuse new
 * actions: nothing already made (integrations, SCIM tokens, a switched-on "Require SSO")
 * is deleted or switched off because of billing.
 */
export type PlanFeature = "requireSso" | "scim" | "auditExport";

const FEATURE_TEXT: Record<PlanFeature, string> = {
  requireSso: "Requiring SSO",
  scim: "SCIM provisioning",
  auditExport: "Audit log export",
};

type BillingReader = Pick<TenantDb, "orgBilling"> | Pick<PrismaTypes.TransactionClient, "orgBilling">;

/** A plan as it applies now: `lapsed` when its payment is overdue past grace (Free's capabilities apply). */
export type PlanInForce = Plan & { lapsed: boolean };

const FREE_CAPABILITIES = planByKey("free").capabilities;

export function planInForce(
  row: { plan: string; status: string; graceEndsAt: Date | null } | null,
  now: Date,
): PlanInForce {
  const plan = planByKey(row?.plan ?? "free");
  if (row && plan.key !== "free" && paymentStanding(row, now) === "lapsed")
    return { ...plan, capabilities: FREE_CAPABILITIES, lapsed: true };
  return { ...plan, lapsed: false };
}

/** The org's current plan, from its billing row (Free without one). */
export async function currentPlan(db: BillingReader, orgId: string, now = new Date()): Promise<PlanInForce> {
  const row = await (db as Pick<TenantDb, "orgBilling">).orgBilling.findUnique({
    where: { orgId },
    select: { plan: true, status: true, graceEndsAt: true },
  });
  return planInForce(row, now);
}

const LAPSED_HINT =
  "a payment is overdue and its grace period has ended, so the Free plan's limits apply until it is paid. " +
  "An admin can pay the open invoice under Manage billing on the Billing page.";

/** The cheapest plan that has `feature`, for "unlocked on the X plan" hints. */
export function planUnlocking(feature: PlanFeature): Plan {
  return PLANS.find((p) => p.capabilities[feature])!;
}

/** Why the plan does not allow `feature`, or null when it does (for the UI and for errors). */
export function planFeatureRefusal(plan: PlanInForce, feature: PlanFeature): string | null {
  if (plan.capabilities[feature]) return null;
  if (plan.lapsed && planByKey(plan.key).capabilities[feature])
    return `${FEATURE_TEXT[feature]} is suspended on this organization's ${plan.name} plan: ${LAPSED_HINT}`;
  const unlock = planUnlocking(feature);
  return (
    `${FEATURE_TEXT[feature]} is part of the ${unlock.name} plan; this organization is on the ${plan.name} plan. ` +
    (unlock.salesContact
      ? `An admin can upgrade on the Billing page or contact sales.`
      : `An admin can upgrade on the Billing page.`)
  );
}

/**
 * FORBIDDEN with the plan that unlocks `feature` unless the org's plan has it. The error's
 * details carry `unlockedBy` (a plan name), which tells a plan refusal from a role refusal.
 */
export async function assertPlanAllows(db: BillingReader, orgId: string, feature: PlanFeature): Promise<void> {
  const message = planFeatureRefusal(await currentPlan(db, orgId), feature);
  if (message) throw new AppError("FORBIDDEN", message, { unlockedBy: planUnlocking(feature).name });
}

/**
 * SCIM requests of an org: FORBIDDEN without the capability, except that an org whose paid
 * plan lapsed keeps deprovisioning (reads, deactivations, deletions), because an unpaid
 * invoice must not keep leavers signed in. Returns the refusal for everything else then
 * (`removalsOnly`), or null when SCIM is fully allowed.
 */
export async function scimPlanGate(db: BillingReader, orgId: string): Promise<{ removalsOnly: string | null }> {
  const plan = await currentPlan(db, orgId);
  const message = planFeatureRefusal(plan, "scim");
  if (!message) return { removalsOnly: null };
  if (plan.lapsed) return { removalsOnly: message };
  throw new AppError("FORBIDDEN", message, { unlockedBy: planUnlocking("scim").name });
}

/** Whether an error is a plan refusal from this module (see assertPlanAllows). */
export const isPlanRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && typeof error.details?.unlockedBy === "string";

/** What the UI needs to show locked features with the plan that unlocks them. */
export type PlanCapabilityView = {
  plan: { key: string; name: string; lapsed: boolean };
  capabilities: PlanCapabilities;
  /** Per gated feature: null when allowed, else why not and which plan unlocks it. */
  locked: Record<PlanFeature, { message: string; unlockedBy: string } | null>;
  /** Days of history views; longer ranges (30, 90, 400 days) with the plan that offers them. */
  history: { days: number; longer: { days: number; plan: string }[] };
  /** With a per-kind integration limit: the limit and the plan that lifts it; null without one. */
  integrationLimit: { perKind: number; unlockedBy: string } | null;
};

export function planCapabilityView(plan: PlanInForce): PlanCapabilityView {
  const lock = (feature: PlanFeature) => {
    const message = planFeatureRefusal(plan, feature);
    return message ? { message, unlockedBy: planUnlocking(feature).name } : null;
  };
  return {
    plan: { key: plan.key, name: plan.name, lapsed: plan.lapsed },
    capabilities: plan.capabilities,
    locked: { requireSso: lock("requireSso"), scim: lock("scim"), auditExport: lock("auditExport") },
    history: {
      days: plan.capabilities.historyDays,
      longer: PLANS.filter((p) => p.capabilities.historyDays > plan.capabilities.historyDays).map((p) => ({
        days: p.capabilities.historyDays,
        plan: p.name,
      })),
    },
    integrationLimit:
      plan.capabilities.integrationsPerKind === null
        ? null
        : { perKind: plan.capabilities.integrationsPerKind, unlockedBy: unlimitedIntegrationsPlan().name },
  };
}

const unlimitedIntegrationsPlan = (): Plan => PLANS.find((p) => p.capabilities.integrationsPerKind === null)!;

/** Why the org may not connect another integration of `kind` (count is how many it has), or null. */
export function integrationLimitRefusal(plan: PlanInForce, count: number, label: string): string | null {
  const limit = plan.capabilities.integrationsPerKind;
  if (limit === null || count < limit) return null;
  if (plan.lapsed)
    return (
      `This organization already has ${count} ${label} integration${count === 1 ? "" : "s"} and cannot connect ` +
      `another now: ${LAPSED_HINT} Existing integrations keep syncing.`
    );
  const unlock = unlimitedIntegrationsPlan();
  return (
    `The ${plan.name} plan allows ${limit === 1 ? "one integration" : `${limit} integrations`} of each kind, ` +
    `and this organization already has ${count} ${label} integration${count === 1 ? "" : "s"}. ` +
    `An admin can upgrade to the ${unlock.name} plan on the Billing page to connect more.`
  );
}

/**
 * The plan's integrations-per-kind limit, for a new integration. Call inside the
 * transaction that creates the row: it locks the org's billing row first, so two admins
 * connecting the last allowed integration at once serialize and the second counts the first.
 */
export async function assertIntegrationCapacity(
  tx: PrismaTypes.TransactionClient,
  orgId: string,
  kind: { provider: string; label: string },
): Promise<void> {
  await lockBillingRow(tx, orgId);
  await checkIntegrationCapacity(tx, orgId, kind);
}

/**
 * The same limit, checked before anything else is done for a new integration: its
 * connection test reaches out to GitHub, a cluster or a bucket, which a plan refusal must
 * not wait for. Without the lock (nothing is created here); assertIntegrationCapacity in
 * the creating transaction stays the authority when two admins race.
 */
export async function assertIntegrationRoom(db: TenantDb, kind: { provider: string; label: string }): Promise<void> {
  await checkIntegrationCapacity(db as unknown as PrismaTypes.TransactionClient, db.orgId, kind);
}

async function checkIntegrationCapacity(
  db: PrismaTypes.TransactionClient,
  orgId: string,
  kind: { provider: string; label: string },
): Promise<void> {
  const plan = await currentPlan(db, orgId);
  if (plan.capabilities.integrationsPerKind === null) return;
  const count = await db.integration.count({ where: { orgId, provider: kind.provider } });
  const message = integrationLimitRefusal(plan, count, kind.label);
  if (message) throw new AppError("PRECONDITION_FAILED", message);
}

const DAY_MS = 24 * 3600 * 1000;

const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** The first UTC day a plan's history views reach (today counts as one of its `historyDays`). */
export function historyStart(plan: PlanInForce, now = new Date()): Date {
  return new Date(utcDay(now) - (plan.capabilities.historyDays - 1) * DAY_MS);
}

/** How many UTC days, today included, a view starting at `from` covers. */
const daysBack = (from: Date, now: Date) => Math.round((utcDay(now) - utcDay(from)) / DAY_MS) + 1;

/** The plan that shows at least `days` of history (the longest one if none does). */
export const planWithHistory = (days: number): Plan =>
  PLANS.find((p) => p.capabilities.historyDays >= days) ?? PLANS.at(-1)!;

/** Why a history view may not start at `from`, or null when the plan reaches that far. */
export function historyRefusal(plan: PlanInForce, from: Date, now = new Date()): string | null {
  const start = historyStart(plan, now);
  if (from.getTime() >= start.getTime()) return null;
  const wanted = daysBack(from, now);
  const unlock = planWithHistory(wanted);
  const days = plan.capabilities.historyDays;
  return (
    `The ${plan.name} plan shows the last ${days} days of history (from ${start.toISOString().slice(0, 10)})` +
    (plan.lapsed ? " while a payment is overdue" : "") +
    `; nothing older is deleted. ` +
    (unlock.capabilities.historyDays > days
      ? `The ${unlock.name} plan shows ${unlock.capabilities.historyDays} days: an admin can upgrade on the Billing page.`
      : "")
  ).trim();
}

/**
 * Where a history view starts: `from` when the plan reaches that far, else FORBIDDEN (a
 * plan refusal, with the plan that does); without `from`, the first day the plan shows.
 */
export async function resolveHistoryFrom(
  db: BillingReader,
  orgId: string,
  from: Date | undefined,
  now = new Date(),
): Promise<Date> {
  const plan = await currentPlan(db, orgId, now);
  if (!from) return historyStart(plan, now);
  const message = historyRefusal(plan, from, now);
  if (message) {
    const wanted = daysBack(from, now);
    throw new AppError("FORBIDDEN", message, { unlockedBy: planWithHistory(wanted).name });
  }
  return from;
}

/** The org's plan and what it unlocks, for pages that show locked features (any member may see it). */
export async function getPlanCapabilities(db: TenantDb, by: Principal): Promise<PlanCapabilityView> {
  authorize(by, "org.read");
  return planCapabilityView(await currentPlan(db, db.orgId));
}
