import { afterEach, describe, expect, it } from "vitest";
import {
  focusCsv,
  importCostFiles,
  makeComponents,
  tempFiles,
  DEFAULT_ALLOCATION_RULES,
  type FocusRow,
} from "@stagedoor/core";
import { testDeps } from "@stagedoor/core/integrations-testing";
import { setOrgPlan, uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, db, signedInUser, type TestUser } from "../../testing/caller";

const deps = testDeps();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** An org whose owner holds a Cost Insights seat (the org's trial), unless `licensed` is false. */
async function orgWithOwner({ licensed = true } = {}) {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  await callerFor(owner).org.create({ name: "Team", slug });
  const org = await db.admin.organization.findUniqueOrThrow({ where: { slug } });
  const api = callerFor(owner, slug, deps);
  if (licensed) {
    await api.billing.startTrial();
    await api.billing.assignLicenses({ pluginKey: "cost-insights", userIds: [owner.userId] });
  }
  return { owner, slug, orgId: org.id, api };
}

async function member(slug: string, inviter: TestUser, { seat = true } = {}) {
  const user = await signedInUser();
  const { token } = await callerFor(inviter, slug).members.invite({ email: user.email, role: "MEMBER" });
  await callerFor(user).invitations.accept({ token });
  if (seat)
    await callerFor(inviter, slug).billing.assignLicenses({ pluginKey: "cost-insights", userIds: [user.userId] });
  return { user, api: callerFor(user, slug, deps) };
}

const day = (offset: number) => new Date(Date.UTC(2026, 9, 31) - offset * 86_400_000).toISOString().slice(0, 10);

/** 60 days: checkout costs 1.00/day then 1.50/day (+50%), search 2.00/day flat, 0.25/day untagged, 9.00 EUR once. */
function history(): FocusRow[] {
  const rows: FocusRow[] = [];
  for (let i = 0; i < 60; i++) {
    const recent = i < 30;
    rows.push({
      billedCents: recent ? 150 : 100,
      currency: "USD",
      day: day(i),
      service: "EC2",
      tags: { "backstage.io/component": "checkout" },
    });
    rows.push({ billedCents: 200, currency: "USD", day: day(i), service: "RDS", tags: { service: "search" } });
    rows.push({ billedCents: 25, currency: "USD", day: day(i), service: "Support" });
  }
  rows.push({
    billedCents: 900,
    currency: "EUR",
    day: day(3),
    service: "S3",
    tags: { "backstage.io/component": "checkout" },
  });
  return rows;
}

async function orgWithCosts({ licensed = true } = {}) {
  const o = await orgWithOwner({ licensed });
  await makeComponents(db, o.orgId, [
    { name: "checkout", owner: "payments", system: "shop" },
    { name: "search", owner: "discovery", system: "shop" },
  ]);
  const { id } = await o.api.costs.saveExport({
    name: "Costs",
    source: { type: "upload" },
    credentials: { type: "none" },
  });
  const t = await tempFiles({ "export.csv": focusCsv(history()) });
  cleanups.push(t.cleanup);
  await importCostFiles(
    db.forOrg(o.orgId),
    id,
    [{ path: t.path("export.csv"), format: "csv", name: "export.csv" }],
    DEFAULT_ALLOCATION_RULES,
  );
  return { ...o, integrationId: id };
}

describe("costs router", () => {
  it("answers Cost Insights per team with change, movers, growth alert and unallocated share, one currency at a time", async () => {
    const { api, orgId } = await orgWithCosts();
    const usd = await api.costs.insights({ days: 30, groupBy: "team" });
    expect(usd).toMatchObject({
      currencies: ["USD", "EUR"],
      currency: "USD",
      from: day(29),
      to: day(0),
      total: "112.50", // 30 × (1.50 + 2.00 + 0.25)
      previousTotal: "97.50", // 30 × (1.00 + 2.00 + 0.25)
      unallocated: "7.50",
      unallocatedPercent: "6.7",
      growthAlertPercent: 20,
    });
    expect(usd.daily).toHaveLength(30);
    expect(usd.daily[0]).toEqual({ day: day(29), allocated: "3.50", unallocated: "0.25" });
    expect(usd.groups).toEqual([
      {
        key: "group:default/discovery",
        current: "60.00",
        previous: "60.00",
        change: "0.00",
        changePercent: "0.0",
        alert: false,
      },
      {
        key: "group:default/payments",
        current: "45.00",
        previous: "30.00",
        change: "15.00",
        changePercent: "50.0",
        alert: true,
      },
      { key: "", current: "7.50", previous: "7.50", change: "0.00", changePercent: "0.0", alert: false },
    ]);
    expect(usd.topMovers.map((m) => m.key)).toEqual(["group:default/payments"]);
    expect(usd.alerts.map((m) => m.key)).toEqual(["group:default/payments"]);

    const eur = await api.costs.insights({ days: 30, groupBy: "entity", currency: "EUR" });
    expect(eur).toMatchObject({
      currency: "EUR",
      total: "9.00",
      groups: [{ key: "component:default/checkout", current: "9.00" }],
    });

    // 90 days is more history than Free shows: refused naming the plans, then Team has it.
    await expect(api.costs.insights({ days: 90, groupBy: "system" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^The Free plan shows the last 30 days of history.*The Team plan shows 90 days/),
    });
    await setOrgPlan(db, orgId, "team");
    const systems = await api.costs.insights({ days: 90, groupBy: "system" });
    expect(systems.groups.map((g) => [g.key, g.current])).toEqual([
      ["system:default/shop", "195.00"],
      ["", "15.00"],
    ]);
  });

  it("serves the entity Cost tab per currency and by service, and nothing for an entity without cost", async () => {
    const { api } = await orgWithCosts();
    const checkout = await api.costs.forEntity({ ref: "component:default/checkout" });
    expect(checkout.currencies.map((c) => [c.currency, c.total, c.services])).toEqual([
      ["EUR", "9.00", [{ serviceName: "S3", cost: "9.00" }]],
      ["USD", "45.00", [{ serviceName: "EC2", cost: "45.00" }]],
    ]);
    const team = await api.costs.forEntity({ ref: "group:default/discovery" });
    expect(team.currencies[0]?.total).toBe("60.00");
    expect((await api.costs.forEntity({ ref: "component:default/nothing" })).currencies).toEqual([]);
  });

  it("lets members read costs but not connect exports, and keeps each org's costs to itself", async () => {
    const a = await orgWithCosts();
    const { api: reader } = await member(a.slug, a.owner);
    expect((await reader.costs.insights({ days: 30, groupBy: "team" })).total).toBe("112.50");
    await expect(
      reader.costs.saveExport({ name: "x", source: { type: "upload" }, credentials: { type: "none" } }),
    ).rejects.toThrow(/Only admins/);

    const b = await orgWithOwner();
    expect(await b.api.costs.insights({ days: 30, groupBy: "team" })).toMatchObject({ currency: null, groups: [] });
    expect((await b.api.costs.forEntity({ ref: "component:default/checkout" })).currencies).toEqual([]);
    // Another org's integration is not found, not refused.
    await expect(b.api.integrations.get({ id: a.integrationId })).rejects.toThrow("Integration not found.");
  });

  it("is the Cost Insights plugin: refused without the org's license or a seat, while exports keep importing", async () => {
    // No license: the owner connects and imports (integrations.manage), but reading is refused.
    const o = await orgWithCosts({ licensed: false });
    await expect(o.api.costs.insights({ days: 30, groupBy: "team" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/Cost Insights is a premium plugin .*Billing page/),
    });
    await expect(o.api.costs.forEntity({ ref: "component:default/checkout" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.admin.costDaily.count({ where: { orgId: o.orgId } })).toBeGreaterThan(0);

    // Licensed, but a member without a seat is refused until an admin assigns one.
    await o.api.billing.startTrial();
    const { user, api: seatless } = await member(o.slug, o.owner, { seat: false });
    await expect(seatless.costs.insights({ days: 30, groupBy: "team" })).rejects.toThrow(
      /You have no Cost Insights license/,
    );
    await o.api.billing.assignLicenses({ pluginKey: "cost-insights", userIds: [user.userId, o.owner.userId] });
    // The costs imported while locked are all there.
    expect((await seatless.costs.insights({ days: 30, groupBy: "team" })).total).toBe("112.50");
    expect((await o.api.costs.forEntity({ ref: "component:default/checkout" })).currencies).toHaveLength(2);
  });
});
