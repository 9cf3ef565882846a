import type { Stripe } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, type Principal } from "../authz";
import { findPlugin } from "../plugins/registry";
import { lockBillingRow } from "./billing-row";
import {
  checkReleases,
  subscriptionItemChanges,
  updateSubscriptionItems,
  type DesiredItem,
  type ReleaseChoice,
} from "./change-subscription";
import type { BillingDeps } from "./deps";
import { computeEntitlements, FREE_BILLING } from "./entitlements";
import { factsFrom, nextGraceEnd } from "./subscription-sync";

/**
 * An org that already pays changes its one subscription (plan, member seats, plugin seats)
 * instead of buying a second one through Checkout. The new entitlements are written at once
 * from the subscription Stripe returns; the webhooks that follow re-read the same state.
 */
export async function changeLiveSubscription(
  db: TenantDb,
  principal: Principal,
  deps: BillingDeps,
  live: Stripe.Subscription,
  input: { desired: DesiredItem[]; pluginSeats: Record<string, number>; release: ReleaseChoice },
): Promise<{ releasedLicenses: number }> {
  if (live.status === "past_due" || live.status === "unpaid")
    throw new AppError(
      "PRECONDITION_FAILED",
      "A payment is overdue: pay the open invoice under Manage billing before changing the plan or seats.",
    );
  const now = deps.now?.() ?? new Date();
  // Seats as they will be (a running trial still covers its seats), to see who must give one up.
  const [row, held] = await Promise.all([
    db.orgBilling.findUnique({ where: { orgId: db.orgId } }),
    db.pluginLicense.findMany({ select: { pluginKey: true, userId: true } }),
  ]);
  const after = computeEntitlements(
    { ...(row ?? FREE_BILLING), status: "active", pluginSeats: input.pluginSeats },
    now,
  );
  const seats = Object.fromEntries(Object.values(after.plugins).map((p) => [p.key, p.seats]));
  const releases = checkReleases(held, seats, input.release, (key) => findPlugin(key)?.name ?? key);

  const changes = subscriptionItemChanges(live.items.data, input.desired, deps.prices);
  const updated = changes.length ? await updateSubscriptionItems(deps.stripe, live.id, changes) : live;
  const facts = factsFrom(updated, deps.prices);
  const { actor, data } = auditIdentity(principal);
  return db.transaction(async (tx) => {
    await lockBillingRow(tx, db.orgId);
    const current = await tx.orgBilling.findUniqueOrThrow({ where: { orgId: db.orgId } });
    await tx.orgBilling.update({
      where: { orgId: db.orgId },
      data: { ...facts, graceEndsAt: nextGraceEnd(facts.status, current.graceEndsAt, now) },
    });
    let releasedLicenses = 0;
    for (const [pluginKey, userIds] of releases) {
      const gone = await tx.pluginLicense.findMany({
        where: { pluginKey, userId: { in: userIds } },
        select: { id: true, membership: { select: { user: { select: { email: true } } } } },
      });
      for (const license of gone) {
        await tx.pluginLicense.delete({ where: { id: license.id } });
        await recordAudit(tx, {
          orgId: db.orgId,
          actor,
          action: "license.released",
          target: license.membership.user.email,
          data: { ...data, plugin: pluginKey, reason: "downgrade" },
        });
      }
      releasedLicenses += gone.length;
    }
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "billing.subscription_changed",
      target: updated.id,
      data: { via: "billing page", ...data, plan: facts.plan, pluginSeats: facts.pluginSeats, releasedLicenses },
    });
    return { releasedLicenses };
  });
}

/** Open Checkout sessions of the customer are expired before a new one, so two tabs cannot buy two subscriptions. */
export async function expireOpenCheckouts(stripe: Stripe, customer: string): Promise<void> {
  const open = await stripe.checkout.sessions.list({ customer, status: "open", limit: 10 });
  for (const session of open.data) await stripe.checkout.sessions.expire(session.id);
}
