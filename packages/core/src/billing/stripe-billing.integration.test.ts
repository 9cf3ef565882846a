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
    },
  });
  deps = {
    stripe: createStripeClient({ secretKey: "sk_test_local", apiBase: fake.url }),
    webhookSecret: SECRET,
    prices: parsePriceConfig("team=price_team,scorecards=price_scorecards"),
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
