import { z } from "zod";
import type { Database } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { defineJob, INTEGRATIONS_QUEUE } from "../jobs/define-job";
import type { SyncQueue } from "../integrations/queue/sync-jobs";
import { SEAT_SYNC_DELAY_MS } from "../limits";
import { lockBillingRow } from "./billing-row";
import type { StripeBilling } from "./deps";
import { priceTarget } from "./plans";

/**
 * Team is billed per developer seat: the plan item's quantity is the org's member count.
 * Members come and go through invitations, SSO just-in-time sign-ins, SCIM and removals;
 * each of those asks for a seat sync after its own commit, and every request of one org
 * within SEAT_SYNC_DELAY_MS lands in the same job (one deterministic id per org and
 * window), which counts the members when the window ends and changes Stripe only if the
 * count differs. Enterprise (a negotiated contract) and Free have no seats to sync.
 */
export const SYNC_SEATS_JOB = "billing.syncSeats";

export const syncSeatsPayload = z.object({ orgId: z.string().min(1).max(100) });

// BullMQ refuses ":" in custom job ids (its own key separator), hence dots.
export const seatSyncJobId = (orgId: string, windowStart: number) => `billing-seats.${orgId}.${windowStart}`;

/** The producer a membership change asks through (the integrations queue's). */
export type SeatSyncQueue = Pick<SyncQueue, "enqueue">;

/**
 * Asks for the org's seat sync. Never throws: a membership change must not fail because
 * Redis or Stripe is unreachable. A request lost that way is repaired by the next change
 * or by an admin's next subscription change (which sets the quantity from the count too).
 */
export async function requestSeatSync(
  queue: SeatSyncQueue,
  orgId: string,
  now = Date.now(),
  windowMs = SEAT_SYNC_DELAY_MS,
): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  try {
    await queue.enqueue(
      SYNC_SEATS_JOB,
      { orgId },
      { jobId: seatSyncJobId(orgId, windowStart), delayMs: windowStart + windowMs - now },
    );
  } catch (error) {
    console.warn(`[billing] seat sync for org ${orgId} not requested: ${(error as Error).message}`);
  }
}

export type SeatSyncOutcome =
  { outcome: "not_team" } | { outcome: "in_step"; seats: number } | { outcome: "updated"; from: number; to: number };

/**
 * Sets the Team plan item's quantity to the org's member count. The subscription is read
 * from Stripe (not from our row), so a plan changed meanwhile is seen. `attemptKey` is the
 * job's id: its retries send the same Idempotency-Key, so a timeout after Stripe applied
 * the change does not apply it twice, while a later window that wants the same count again
 * (5 → 6 → 5 → 6) is a new request Stripe does not answer from its 24-hour key cache.
 */
export async function syncTeamSeats(
  db: Database,
  billing: StripeBilling,
  orgId: string,
  attemptKey: string,
): Promise<SeatSyncOutcome> {
  const tenant = db.forOrg(orgId);
  const row = await tenant.orgBilling.findUnique({
    where: { orgId },
    select: { stripeSubscriptionId: true, planSeats: true },
  });
  if (!row?.stripeSubscriptionId) return { outcome: "not_team" };
  const sub = await billing.stripe.subscriptions.retrieve(row.stripeSubscriptionId);
  if (sub.status === "canceled" || sub.status === "incomplete_expired") return { outcome: "not_team" };
  const item = sub.items.data.find((i) => {
    const target = priceTarget(billing.prices, i.price.id);
    return target?.kind === "plan" && target.key === "team";
  });
  if (!item) return { outcome: "not_team" };
  // An org always has an owner; Checkout buys at least one seat the same way.
  const members = Math.max(1, await tenant.membership.count());
  const billed = item.quantity ?? 1;
  if (billed === members) {
    if (row.planSeats !== billed) await tenant.orgBilling.update({ where: { orgId }, data: { planSeats: billed } });
    return { outcome: "in_step", seats: billed };
  }
  await billing.stripe.subscriptions.update(
    sub.id,
    {
      items: [{ id: item.id, quantity: members }],
      // Stripe's default for quantity changes, chosen on purpose: a member joining mid-period
      // adds the prorated amount to the next renewal invoice (and one leaving credits it)
      // instead of charging the card per join (`always_invoice`), which a SCIM burst would
      // turn into a stream of small charges, and a declined one would leave seats behind
      // members. Admin-initiated purchases still invoice at once (change-subscription.ts).
      proration_behavior: "create_prorations",
    },
    { idempotencyKey: `seats.${orgId}.${item.id}.${members}.${attemptKey}` },
  );
  await tenant.transaction(async (tx) => {
    await lockBillingRow(tx, orgId);
    await tx.orgBilling.update({ where: { orgId }, data: { planSeats: members } });
    await recordAudit(tx, {
      orgId,
      actor: null,
      action: "billing.seats_synced",
      target: sub.id,
      data: { via: "membership change", from: billed, to: members, subscriptionItem: item.id },
    });
  });
  return { outcome: "updated", from: billed, to: members };
}

export const syncSeatsJob = defineJob({
  name: SYNC_SEATS_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: syncSeatsPayload,
  // Enqueued through the integrations queue's producer, whose defaults (5 attempts,
  // exponential backoff from 5 s) retry a failing Stripe call; membership never waits on it.
  async handle({ orgId }, { db, services, job }) {
    if (!services.billing) return { orgId, outcome: "billing not configured" };
    return { orgId, ...(await syncTeamSeats(db, services.billing, orgId, job.id)) };
  },
});

export const billingJobs = [syncSeatsJob] as const;
