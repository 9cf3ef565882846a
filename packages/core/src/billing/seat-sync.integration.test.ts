import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { createStripeClient } from "@stagedoor/connectors";
import { startFakeStripe, type FakeStripe } from "@stagedoor/connectors/testing";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../authz";
import { createBullSyncQueue } from "../integrations/queue/bullmq-sync-queue";
import { removeMember } from "../members/change-member";
import type { BillingDeps, StripeBilling } from "./deps";
import { getBillingOverview } from "./overview";
import { handleStripeWebhook } from "./webhook";
import { parsePriceConfig } from "./plans";
import { requestSeatSync, seatSyncJobId, SYNC_SEATS_JOB, syncTeamSeats } from "./seat-sync";

const db = testDatabase();
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const prefix = `${process.env.QUEUE_PREFIX}-seats-${process.pid}`;
let fake: FakeStripe;
let billing: StripeBilling;

beforeAll(async () => {
  fake = await startFakeStripe({
    prices: {
      price_team: { nickname: "Team", unitAmount: 2000 },
      price_enterprise: { nickname: "Enterprise", unitAmount: 4000 },
      price_scorecards: { nickname: "Scorecards", unitAmount: 900 },
    },
  });
  billing = {
    stripe: createStripeClient({ secretKey: "sk_test_local", apiBase: fake.url }),
    prices: parsePriceConfig("team=price_team,enterprise=price_enterprise,scorecards=price_scorecards"),
  };
});
afterAll(async () => {
  await fake.close();
  const keys = await connection.keys(`${prefix}*`);
  if (keys.length) await connection.del(...keys);
  connection.disconnect();
});

/** An org with an owner, `extra` members and a live subscription of `plan` billed for `seats`. */
async function subscribedOrg(plan: "team" | "enterprise", seats: number, extra: number) {
  const org = await makeOrg(db);
  const owner = await makeUser(db);
  await makeMember(db, org.id, owner.id, "OWNER");
  for (let i = 0; i < extra; i++) await makeMember(db, org.id, (await makeUser(db)).id);
  const customer = await billing.stripe.customers.create({ name: org.slug });
  const sub = fake.createSubscription(customer.id, [
    { price: `price_${plan}`, quantity: seats },
    { price: "price_scorecards", quantity: 2 },
  ]);
  await db.admin.orgBilling.create({
    data: {
      orgId: org.id,
      stripeCustomerId: customer.id,
      stripeSubscriptionId: sub.id,
      plan,
      status: "active",
      planSeats: seats,
    },
  });
  const admin: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
  return { org, admin, subId: sub.id as string, customer: customer.id };
}

const quantities = (subId: string) =>
  Object.fromEntries(
    fake.subscriptions
      .get(subId)!
      .items.data.map((i: { price: { id: string }; quantity: number }) => [i.price.id, i.quantity]),
  );
const updatesOf = (subId: string) => fake.requests.filter((r) => r === `POST /v1/subscriptions/${subId}`).length;

describe("Team seats kept in step with Stripe", () => {
  it("turns a burst of membership changes into one delayed job per org and window", async () => {
    const queue = createBullSyncQueue({ connection, prefix });
    try {
      const start = Math.floor(Date.now() / 30_000) * 30_000;
      // A SCIM burst: 200 users provisioned within one window.
      for (let i = 0; i < 200; i++) await requestSeatSync(queue, "org_burst", start + i * 10);
      await requestSeatSync(queue, "org_other", start);
      const delayed = await queue.queue.getDelayed();
      expect(delayed.map((j) => [j.name, j.id, j.data]).sort()).toEqual(
        [
          [SYNC_SEATS_JOB, seatSyncJobId("org_burst", start), { orgId: "org_burst" }],
          [SYNC_SEATS_JOB, seatSyncJobId("org_other", start), { orgId: "org_other" }],
        ].sort(),
      );
      // It runs when the window ends, so it counts every member the burst added.
      const burst = delayed.find((j) => j.data.orgId === "org_burst")!;
      expect(burst.opts.delay).toBe(30_000);
      // Retried with backoff by the queue's defaults when Stripe fails.
      expect(burst.opts.attempts).toBeGreaterThan(1);
      expect(burst.opts.backoff).toMatchObject({ type: "exponential" });
    } finally {
      await queue.close();
    }
  });

  it("never fails the membership change when the queue cannot be reached", async () => {
    const down = { enqueue: async () => Promise.reject(new Error("connect ECONNREFUSED")) };
    await expect(requestSeatSync(down, "org_x")).resolves.toBeUndefined();
    const { org, admin } = await subscribedOrg("team", 2, 1);
    const member = await db.admin.membership.findFirstOrThrow({ where: { orgId: org.id, role: "MEMBER" } });
    await removeMember(db.forOrg(org.id), admin, member.id, db, down);
    expect(await db.admin.membership.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("asks for a sync when an admin removes a member", async () => {
    const { org, admin } = await subscribedOrg("team", 2, 1);
    const asked: unknown[] = [];
    const member = await db.admin.membership.findFirstOrThrow({ where: { orgId: org.id, role: "MEMBER" } });
    await removeMember(db.forOrg(org.id), admin, member.id, db, {
      enqueue: async (name, data) => void asked.push([name, data]),
    });
    expect(asked).toEqual([[SYNC_SEATS_JOB, { orgId: org.id }]]);
  });

  it("sets the plan item's quantity to the member count once, prorated on the next invoice, and audits it", async () => {
    const { org, subId } = await subscribedOrg("team", 1, 3);
    const invoicesBefore = fake.invoices.size;
    expect(await syncTeamSeats(db, billing, org.id, "job-1")).toEqual({ outcome: "updated", from: 1, to: 4 });
    // Only the plan item changes; plugin seats are left alone.
    expect(quantities(subId)).toEqual({ price_team: 4, price_scorecards: 2 });
    // create_prorations: no invoice (and no card charge) per member joining.
    expect(fake.invoices.size).toBe(invoicesBefore);
    expect(await db.admin.orgBilling.findUniqueOrThrow({ where: { orgId: org.id } })).toMatchObject({ planSeats: 4 });
    const audit = await db.admin.auditLog.findMany({ where: { orgId: org.id, action: "billing.seats_synced" } });
    expect(audit).toMatchObject([{ target: subId, data: { from: 1, to: 4, via: "membership change" } }]);

    // In step: Stripe is read, not written.
    expect(await syncTeamSeats(db, billing, org.id, "job-2")).toEqual({ outcome: "in_step", seats: 4 });
    expect(updatesOf(subId)).toBe(1);
  });

  it("sends the same Idempotency-Key on a retry of one job, so Stripe applies the change once", async () => {
    const { org, subId } = await subscribedOrg("team", 1, 1);
    await syncTeamSeats(db, billing, org.id, "job-retry");
    // Someone changed the quantity in Stripe meanwhile; the retry (same job, same count)
    // is answered from Stripe's idempotency cache, not applied again.
    fake.subscriptions.get(subId)!.items.data[0].quantity = 7;
    await syncTeamSeats(db, billing, org.id, "job-retry");
    expect(quantities(subId).price_team).toBe(7);
    // A later job wanting the same count is a new request.
    await syncTeamSeats(db, billing, org.id, "job-later");
    expect(quantities(subId).price_team).toBe(2);
  });

  it("follows members leaving too", async () => {
    const { org, subId } = await subscribedOrg("team", 5, 1);
    expect(await syncTeamSeats(db, billing, org.id, "job-down")).toEqual({ outcome: "updated", from: 5, to: 2 });
    expect(quantities(subId).price_team).toBe(2);
  });

  it("leaves Enterprise and Free alone", async () => {
    const enterprise = await subscribedOrg("enterprise", 1, 3);
    expect(await syncTeamSeats(db, billing, enterprise.org.id, "job-e")).toEqual({ outcome: "not_team" });
    expect(quantities(enterprise.subId)).toEqual({ price_enterprise: 1, price_scorecards: 2 });
    expect(updatesOf(enterprise.subId)).toBe(0);

    const free = await makeOrg(db);
    const before = fake.requests.length;
    expect(await syncTeamSeats(db, billing, free.id, "job-f")).toEqual({ outcome: "not_team" });
    expect(fake.requests.length).toBe(before);
  });

  it("throws on a failing Stripe call (the queue retries it) and changes nothing", async () => {
    const { org } = await subscribedOrg("team", 1, 2);
    const unreachable: StripeBilling = {
      ...billing,
      stripe: createStripeClient({ secretKey: "sk_test_local", apiBase: "http://127.0.0.1:9" }),
    };
    await expect(syncTeamSeats(db, unreachable, org.id, "job-down")).rejects.toThrow();
    expect(await db.admin.orgBilling.findUniqueOrThrow({ where: { orgId: org.id } })).toMatchObject({ planSeats: 1 });
    expect(await db.admin.auditLog.count({ where: { orgId: org.id, action: "billing.seats_synced" } })).toBe(0);
  });
});

describe("the billing page's view of seats and subscriptions", () => {
  const SECRET = "whsec_seats";
  const deps = (): BillingDeps => ({ ...billing, webhookSecret: SECRET, appUrl: "http://localhost:3000" });
  const deliver = (event: object) => {
    const payload = JSON.stringify(event);
    const header = billing.stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    return handleStripeWebhook(db, deps(), payload, header);
  };

  it("shows seats billed against members while a sync is pending, and agrees after it", async () => {
    const { org, admin } = await subscribedOrg("team", 1, 2);
    const tenant = db.forOrg(org.id);
    expect((await getBillingOverview(tenant, admin, billing.prices)).seats).toEqual({ billed: 1, members: 3 });
    await syncTeamSeats(db, billing, org.id, "job-view");
    expect((await getBillingOverview(tenant, admin, billing.prices)).seats).toEqual({ billed: 3, members: 3 });
    const enterprise = await subscribedOrg("enterprise", 1, 0);
    expect((await getBillingOverview(db.forOrg(enterprise.org.id), enterprise.admin, billing.prices)).seats).toBeNull();
  });

  it("keeps counting the newest of two live subscriptions and warns until one is canceled", async () => {
    const { org, admin, customer, subId } = await subscribedOrg("team", 1, 0);
    fake.clockOffset += 5;
    const second = fake.createSubscription(customer, [{ price: "price_enterprise", quantity: 1 }]);
    expect(await deliver(fake.event("customer.subscription.created", second))).toMatchObject({ outcome: "applied" });
    const tenant = db.forOrg(org.id);
    const row = await db.admin.orgBilling.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(row).toMatchObject({ stripeSubscriptionId: second.id, plan: "enterprise", liveSubscriptions: 2 });
    expect((await getBillingOverview(tenant, admin, billing.prices)).subscriptionWarning).toBe(
      "Stripe has 2 active subscriptions for this org; cancel one in the Billing Portal.",
    );
    const audits = await db.admin.auditLog.findMany({
      where: { orgId: org.id, action: "billing.subscription_changed" },
    });
    expect(audits.map((a) => a.data)).toContainEqual(
      expect.objectContaining({ warning: "2 live subscriptions; counting the newest" }),
    );

    fake.clockOffset += 5;
    const [ended] = fake.endSubscription(subId);
    await deliver(ended!);
    expect(await db.admin.orgBilling.findUniqueOrThrow({ where: { orgId: org.id } })).toMatchObject({
      plan: "enterprise",
      liveSubscriptions: 1,
    });
    expect((await getBillingOverview(tenant, admin, billing.prices)).subscriptionWarning).toBeNull();
  });
});
