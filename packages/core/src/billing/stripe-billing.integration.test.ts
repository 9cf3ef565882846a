import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeClient } from "@stagedoor/connectors";
import { startFakeStripe, type FakeStripe } from "@stagedoor/connectors/testing";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { authorize } from "../authz";
import type { UserPrincipal } from "../authz";
import { pluginPermission } from "../plugins/permissions";
import { createCheckout, createPortal, listInvoices } from "./checkout";
import type { BillingDeps } from "./deps";
import { computeEntitlements } from "./entitlements";
import { loadOrgContext } from "./license-policy";
import { assignLicenses } from "./licenses";
import { parsePriceConfig } from "./plans";
import { handleStripeWebhook } from "./webhook";

const db = testDatabase();
const SECRET = "whsec_test_billing";
let fake: FakeStripe;
let deps: BillingDeps;
let clock = new Date();

beforeAll(async () => {
  fake = await startFakeStripe({
    prices: {
      price_team: { nickname: "Team", unitAmount: 2000 },
      price_scorecards: { nickname: "Scorecards", unitAmount: 900 },
      price_enterprise: { nickname: "Enterprise", unitAmount: 4000 },
      price_insights: { nickname: "Insights", unitAmount: 700 },
    },
  });
  deps = {
    stripe: createStripeClient({ secretKey: "sk_test_local", apiBase: fake.url }),
    webhookSecret: SECRET,
    prices: parsePriceConfig(
      "team=price_team,scorecards=price_scorecards,enterprise=price_enterprise,insights=price_insights",
    ),
    appUrl: "http://localhost:3000",
    now: () => clock,
  };
});
afterAll(() => fake.close());

const sign = (event: object, secret = SECRET) => {
  const payload = JSON.stringify(event);
  return { payload, header: deps.stripe.webhooks.generateTestHeaderString({ payload, secret }) };
};
const deliver = (event: object) => {
  const { payload, header } = sign(event);
  return handleStripeWebhook(db, deps, payload, header);
};

async function subscribedOrg() {
  const org = await makeOrg(db);
  const owner = await makeUser(db);
  await makeMember(db, org.id, owner.id, "OWNER");
  const admin: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
  const tenant = db.forOrg(org.id);
  const { url } = await createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: { scorecards: 2 } });
  expect(url.startsWith(`${fake.url}/checkout/cs_test_`)).toBe(true);
  // The hosted page stand-in: paying creates the subscription and redirects back.
  const paid = await fetch(`${url}/pay`, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  expect(paid.headers.get("location")).toBe(`http://localhost:3000/${org.slug}/billing?checkout=success`);
  const session = fake.sessions.get(url.split("/").pop()!)!;
  const completed = fake.events.find(
    (e) => e.type === "checkout.session.completed" && e.data.object.id === session.id,
  )!;
  return { org, admin, tenant, owner, session, completed, subId: session.subscription as string };
}

const row = (orgId: string) => db.admin.orgBilling.findUniqueOrThrow({ where: { orgId } });

describe("Stripe billing against the local Stripe-shaped server", () => {
  it("applies a signed checkout once, ignoring a duplicate and refusing forged or unsigned deliveries", async () => {
    const { org, completed } = await subscribedOrg();
    const before = await row(org.id);
    expect(before.plan).toBe("free");

    const forged = sign(completed, "whsec_someone_else");
    await expect(handleStripeWebhook(db, deps, forged.payload, forged.header)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(handleStripeWebhook(db, deps, forged.payload, null)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const good = sign(completed);
    // A tampered body under a valid signature is forged too.
    await expect(
      handleStripeWebhook(db, deps, good.payload.replace('"complete"', '"open"'), good.header),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await row(org.id)).toEqual(before);
    expect(await db.admin.stripeEvent.count({ where: { id: completed.id } })).toBe(0);

    expect(await deliver(completed)).toMatchObject({ outcome: "applied" });
    expect(await deliver(completed)).toMatchObject({ outcome: "duplicate" });
    const after = await row(org.id);
    expect(after).toMatchObject({ plan: "team", status: "active", memberLimit: null, pluginSeats: { scorecards: 2 } });
    expect(after.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now());
    const audit = await db.admin.auditLog.findMany({
      where: { orgId: org.id, action: "billing.subscription_changed" },
    });
    expect(audit).toHaveLength(1);
  });

  it("ignores an event older than the newest applied, and converges on Stripe's state whatever the order", async () => {
    const { org, subId, completed } = await subscribedOrg();
    const created = fake.events.find((e) => e.type === "customer.subscription.created" && e.data.object.id === subId)!;
    fake.clockOffset += 60;
    const [updated] = fake.cancelAtPeriodEnd(subId);
    // Newest first: the cancellation lands before the creation events.
    expect(await deliver(updated!)).toMatchObject({ outcome: "applied" });
    fake.clockOffset -= 60;
    expect(await deliver({ ...created, created: created.created - 10 })).toMatchObject({ outcome: "stale" });
    expect(await deliver({ ...completed, created: completed.created - 10 })).toMatchObject({ outcome: "stale" });
    expect(await row(org.id)).toMatchObject({ plan: "team", status: "active", cancelAtPeriodEnd: true });
  });

  it("payment failure → grace with full use → read-only lock → payment → unlocked", async () => {
    const { org, admin, tenant, owner, subId, completed } = await subscribedOrg();
    await deliver(completed);
    await assignLicenses(tenant, admin, { pluginKey: "scorecards", userIds: [owner.id] });
    const read = pluginPermission("scorecards", "read");
    const write = pluginPermission("scorecards", "write");
    const check = async (at: Date, permission: typeof read) => {
      clock = at;
      authorize(admin, permission, await loadOrgContext(tenant, admin, at));
    };

    fake.clockOffset += 1;
    for (const e of fake.failPayment(subId)) await deliver(e);
    const failed = await row(org.id);
    expect(failed.status).toBe("past_due");
    const graceDays = (failed.graceEndsAt!.getTime() - clock.getTime()) / 86_400_000;
    expect(Math.round(graceDays)).toBe(7);
    expect(computeEntitlements(failed, clock).plugins.scorecards.state).toBe("grace");
    await check(clock, write);

    const eightDaysLater = new Date(clock.getTime() + 8 * 86_400_000);
    expect(computeEntitlements(failed, eightDaysLater).plugins.scorecards.state).toBe("locked");
    await check(eightDaysLater, read);
    await expect(check(eightDaysLater, write)).rejects.toThrow(/Scorecards is read-only: a payment is overdue/);

    fake.clockOffset += 1;
    for (const e of fake.pay(subId)) await deliver(e);
    const paid = await row(org.id);
    expect(paid).toMatchObject({ status: "active", graceEndsAt: null });
    await check(eightDaysLater, write);
    clock = new Date();
    const invoices = await listInvoices(tenant, admin, deps);
    expect(invoices.map((i) => i.status)).toEqual(expect.arrayContaining(["paid"]));
    expect(invoices.length).toBeGreaterThanOrEqual(2);
  });

  it("cancellation at period end keeps the plugins until the period ends, then locks them without deleting licenses", async () => {
    const { org, admin, tenant, owner, subId, completed } = await subscribedOrg();
    await deliver(completed);
    await assignLicenses(tenant, admin, { pluginKey: "scorecards", userIds: [owner.id] });
    fake.clockOffset += 1;
    for (const e of fake.cancelAtPeriodEnd(subId)) await deliver(e);
    expect(computeEntitlements(await row(org.id), new Date()).plugins.scorecards.state).toBe("active");
    fake.clockOffset += 1;
    for (const e of fake.endSubscription(subId)) await deliver(e);
    const ended = await row(org.id);
    expect(ended).toMatchObject({ plan: "free", status: "canceled", memberLimit: 10, pluginSeats: {} });
    await expect(
      loadOrgContext(tenant, admin).then((c) => authorize(admin, pluginPermission("scorecards", "read"), c)),
    ).rejects.toThrow(/no license for/);
    expect(await db.admin.pluginLicense.count({ where: { orgId: org.id } })).toBe(1);
    const portal = await createPortal(tenant, admin, deps, org.slug);
    expect(portal.url.startsWith(`${fake.url}/portal/bps_`)).toBe(true);
  });
});

describe("changing a paid plan changes the one subscription", () => {
  const liveSubscriptions = (customer: string) =>
    [...fake.subscriptions.values()].filter((s) => s.customer === customer && s.status !== "canceled");
  const items = (subId: string) =>
    Object.fromEntries(
      fake.subscriptions
        .get(subId)!
        .items.data.map((i: { price: { id: string }; quantity: number }) => [i.price.id, i.quantity]),
    );

  it("adds seats and plugins, moves Team to Enterprise and drops a plugin in place, invoicing the difference", async () => {
    const { org, admin, tenant, subId, completed } = await subscribedOrg();
    await deliver(completed);
    const customer = (await row(org.id)).stripeCustomerId!;

    const more = await createCheckout(tenant, admin, deps, org.slug, {
      plan: "team",
      pluginSeats: { scorecards: 5, insights: 2 },
    });
    expect(more).toMatchObject({ mode: "updated", url: `http://localhost:3000/${org.slug}/billing?checkout=updated` });
    expect(liveSubscriptions(customer).map((s) => s.id)).toEqual([subId]);
    expect(items(subId)).toEqual({ price_team: 1, price_scorecards: 5, price_insights: 2 });
    // Written at once from the subscription Stripe returned, not waiting for the webhook.
    expect(await row(org.id)).toMatchObject({ plan: "team", pluginSeats: { scorecards: 5, insights: 2 } });
    const proration = [...fake.invoices.values()].find(
      (i) => i.customer === customer && i.billing_reason === "subscription_update",
    );
    expect(proration).toMatchObject({ status: "paid" });
    expect(proration!.amount_due).toBeGreaterThan(0);

    await createCheckout(tenant, admin, deps, org.slug, { plan: "enterprise", pluginSeats: { insights: 2 } });
    expect(liveSubscriptions(customer)).toHaveLength(1);
    expect(items(subId)).toEqual({ price_enterprise: 1, price_insights: 2 });
    expect(await row(org.id)).toMatchObject({ plan: "enterprise", pluginSeats: { insights: 2 } });
    const audit = await db.admin.auditLog.findMany({
      where: { orgId: org.id, action: "billing.subscription_changed", data: { path: ["via"], equals: "billing page" } },
    });
    expect(audit).toHaveLength(2);
  });

  it("a downgrade below the seats in use asks which licenses to release, and changes nothing until answered", async () => {
    const { org, admin, tenant, owner, subId, completed } = await subscribedOrg();
    await deliver(completed);
    const colleague = await makeUser(db);
    await makeMember(db, org.id, colleague.id);
    await assignLicenses(tenant, admin, { pluginKey: "scorecards", userIds: [owner.id, colleague.id] });

    await expect(
      createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: { scorecards: 1 } }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Scorecards has 2 licenses in use and 1 seat after the change: choose 1 more to release.",
    });
    expect(items(subId)).toMatchObject({ price_scorecards: 2 });

    const done = await createCheckout(tenant, admin, deps, org.slug, {
      plan: "team",
      pluginSeats: { scorecards: 1 },
      release: { scorecards: [colleague.id] },
    });
    expect(done).toMatchObject({ mode: "updated", releasedLicenses: 1 });
    expect(items(subId)).toMatchObject({ price_scorecards: 1, price_team: 2 });
    const left = await db.admin.pluginLicense.findMany({ where: { orgId: org.id }, select: { userId: true } });
    expect(left).toEqual([{ userId: owner.id }]);
    const released = await db.admin.auditLog.findMany({ where: { orgId: org.id, action: "license.released" } });
    expect(released.map((a) => a.target)).toEqual([colleague.email]);
  });

  it("a declined card changes nothing, in Stripe or here", async () => {
    const { org, admin, tenant, subId, completed } = await subscribedOrg();
    await deliver(completed);
    const before = await row(org.id);
    fake.decliningCustomers.add(before.stripeCustomerId!);
    await expect(
      createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: { scorecards: 9 } }),
    ).rejects.toThrow(/Stripe declined the payment for this change \(Your card was declined\.\)\. Nothing changed/);
    expect(items(subId)).toMatchObject({ price_scorecards: 2 });
    expect(await row(org.id)).toEqual(before);
  });

  it("a second Checkout expires the first one's session, so two tabs cannot buy two subscriptions", async () => {
    const org = await makeOrg(db);
    const owner = await makeUser(db);
    await makeMember(db, org.id, owner.id, "OWNER");
    const admin: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
    const tenant = db.forOrg(org.id);
    const first = await createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: {} });
    const second = await createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: {} });
    expect(first.mode).toBe("checkout");
    expect(fake.sessions.get(first.url.split("/").pop()!)!.status).toBe("expired");
    expect((await fetch(`${first.url}/pay`, { method: "POST", redirect: "manual" })).status).toBe(404);
    expect((await fetch(`${second.url}/pay`, { method: "POST", redirect: "manual" })).status).toBe(303);
    const customer = (await row(org.id)).stripeCustomerId!;
    expect(liveSubscriptions(customer)).toHaveLength(1);
    // Once it exists, "Checkout" changes it instead.
    expect(await createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: {} })).toMatchObject({
      mode: "updated",
    });
  });

  it("two purchases at the same moment serialize: one customer, one open Checkout", async () => {
    const org = await makeOrg(db);
    const owner = await makeUser(db);
    await makeMember(db, org.id, owner.id, "OWNER");
    const admin: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
    const tenant = db.forOrg(org.id);
    const both = await Promise.all([
      createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: {} }),
      createCheckout(tenant, admin, deps, org.slug, { plan: "team", pluginSeats: { scorecards: 1 } }),
    ]);
    expect(both.map((r) => r.mode)).toEqual(["checkout", "checkout"]);
    const customers = [...fake.customers.values()].filter((c) => c.metadata.orgId === org.id);
    expect(customers).toHaveLength(1);
    const open = [...fake.sessions.values()].filter((s) => s.customer === customers[0]!.id && s.status === "open");
    expect(open).toHaveLength(1);
  });
});
