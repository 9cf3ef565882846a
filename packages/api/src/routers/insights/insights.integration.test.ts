import { beforeAll, describe, expect, it } from "vitest";
import { makeMember, uniqueSlug } from "@stagedoor/db/testing";
import { Prisma } from "@stagedoor/db";
import {
  INSIGHTS_MAX_BATCH_BYTES,
  rollupOrg,
  toRows,
  writeInsightsEvents,
  type InsightsQueue,
  type InsightsWritePayload,
} from "@stagedoor/core";
import { callerFor, db, signedInUser, type TestUser } from "../../testing/caller";
import { createInsightsEventsHandler } from "../../rest/insights/events-handler";

/** The queue as the worker would drain it, at once: each batch is written when enqueued. */
function inlineQueue() {
  const batches: InsightsWritePayload[] = [];
  const queue: InsightsQueue = {
    async enqueue(payload) {
      batches.push(payload);
      await writeInsightsEvents(db, payload.orgId, toRows(payload));
      return "queued";
    },
    droppedBatches: async () => 0,
  };
  return { queue, batches };
}

const today = new Date().toISOString().slice(0, 10);
const range = { from: today, to: today };

async function licensedOrg() {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  const org = await callerFor(owner, null).org.create({ name: "Insights org", slug });
  const member = await signedInUser();
  await makeMember(db, org.id, member.userId, "MEMBER");
  const unlicensed = await signedInUser();
  await makeMember(db, org.id, unlicensed.userId, "MEMBER");
  await callerFor(owner, slug).billing.startTrial();
  await callerFor(owner, slug).billing.assignLicenses({
    pluginKey: "insights",
    userIds: [owner.userId, member.userId],
  });
  return { owner, member, unlicensed, slug, orgId: org.id };
}

function post(
  handler: (req: Request) => Promise<Response>,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return handler(
    new Request("http://localhost/api/insights/events", {
      method: "POST",
      headers: { "content-type": "text/plain", "sec-fetch-site": "same-origin", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const view = (page: string, extra: Record<string, unknown> = {}) => ({
  type: "page_view",
  plugin: page.split("/")[1] || "home",
  page,
  ...extra,
});

function handlerFor(user: TestUser | null, queue: InsightsQueue) {
  return createInsightsEventsHandler({ db: () => db, sessionUser: async () => user, queue: () => queue });
}

async function rawCount(orgId: string) {
  const [row] = await db.admin.sql.one<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM "InsightsEvent" WHERE "orgId" = ${orgId}`,
  );
  return row!.n;
}

describe("POST /api/insights/events", () => {
  let a: Awaited<ReturnType<typeof licensedOrg>>;
  let b: Awaited<ReturnType<typeof licensedOrg>>;
  beforeAll(async () => {
    [a, b] = await Promise.all([licensedOrg(), licensedOrg()]);
  });

  it("refuses bad batches whole, with a clear reason, and records nothing", async () => {
    const { queue, batches } = inlineQueue();
    const handler = handlerFor(a.member, queue);
    const cases: [unknown, number, RegExp][] = [
      [{ org: a.slug, events: [{ type: "page_view", plugin: "catalog" }] }, 400, /events\.0\.page/],
      [{ org: a.slug, events: [{ type: "purchase", amount: 3 }] }, 400, /Refused the whole batch/],
      // One bad event among good ones refuses them all.
      [{ org: a.slug, events: [view("/catalog"), { type: "search", query: "x", resultCount: -1 }] }, 400, /events\.1/],
      // The org comes from the session's membership: an org id in the body is not a field.
      [{ org: a.slug, orgId: b.orgId, events: [view("/catalog")] }, 400, /orgId/],
      [{ org: a.slug, events: [{ ...view("/catalog"), userId: b.owner.userId }] }, 400, /userId/],
      [{ org: a.slug, events: [] }, 400, /events/],
      ["not json", 400, /must be a JSON object/],
      // A forged org (one the user is not a member of) is refused like a missing one.
      [{ org: b.slug, events: [view("/catalog")] }, 404, /not found/i],
      [{ org: "no-such-org-anywhere", events: [view("/catalog")] }, 404, /not found/i],
    ];
    for (const [body, status, message] of cases) {
      const res = await post(handler, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    const many = { org: a.slug, events: Array.from({ length: 201 }, () => view("/catalog")) };
    expect((await post(handler, many)).status).toBe(400);
    const huge = { org: a.slug, events: [view(`/${"x".repeat(INSIGHTS_MAX_BATCH_BYTES)}`)] };
    const tooLarge = await post(handler, huge);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toMatch(/at most 64 KiB/);
    expect(batches).toEqual([]);
    expect(await rawCount(a.orgId)).toBe(0);
    expect(await rawCount(b.orgId)).toBe(0);
  });

  it("needs a session, honours Do Not Track and refuses other sites", async () => {
    const { queue, batches } = inlineQueue();
    const body = { org: a.slug, events: [view("/catalog")] };
    expect((await post(handlerFor(null, queue), body)).status).toBe(401);
    expect((await post(handlerFor(a.member, queue), body, { dnt: "1" })).status).toBe(204);
    expect((await post(handlerFor(a.member, queue), body, { "sec-gpc": "1" })).status).toBe(204);
    expect((await post(handlerFor(a.member, queue), body, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(batches).toEqual([]);
  });

  it("queues one job per batch with the session's user and org, and the report shows it to licensed members only", async () => {
    const { queue, batches } = inlineQueue();
    const res = await post(handlerFor(a.member, queue), {
      org: a.slug,
      events: [
        view("/catalog", { ageMs: 1000 }),
        view("/catalog/component", {
          entity: { ref: "component:default/Payments", kind: "Component", owner: "group:default/team-a" },
        }),
        { type: "search", query: "Payments  API", resultCount: 3, clicked: "component:default/payments" },
        { type: "search", query: "billing v2", resultCount: 0 },
        { type: "milestone", milestone: "catalog.imported" },
      ],
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "queued", events: 5 });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ orgId: a.orgId, userId: a.member.userId });
    await post(handlerFor(a.owner, queue), { org: a.slug, events: [view("/insights")] });
    // This org's rollup only: a rollup of every org (rollupDirtyDays) would also take the dirty
    // days of test files running beside this one, which would then read before it finished.
    await rollupOrg(db.forOrg(a.orgId));

    const report = await callerFor(a.member, a.slug).insights.report(range);
    expect(report.totals.activeUsers.current).toBe(2);
    expect(report.totals.pageViews.current).toBe(3);
    expect(report.totals.searches.current).toBe(2);
    expect(report.totals.clickThrough.current).toBe(50);
    expect(report.entities).toEqual([{ key: "component:default/payments", views: 1, userDays: 1, previousViews: 0 }]);
    expect(report.searches.zeroResults.map((q) => q.query)).toEqual(["billing v2"]);
    expect(report.searches.top.map((q) => q.query).sort()).toEqual(["billing v2", "payments api"]);
    expect(report.pages.map((p) => [p.plugin, p.page, p.views]).sort()).toEqual([
      ["catalog", "/catalog", 1],
      ["catalog", "/catalog/component", 1],
      ["insights", "/insights", 1],
    ]);
    expect(report.milestones).toEqual([{ milestone: "catalog.imported", count: 1 }]);
    expect(report.daily.at(-1)).toMatchObject({ day: today, active: 2, new: 2, returning: 0, views: 3, searches: 2 });
    expect(report.people.map((p) => p.label).sort()).toEqual([a.member.name, a.owner.name].sort());

    // Unlicensed member: FORBIDDEN with the way to get a seat, before any data.
    await expect(callerFor(a.unlicensed, a.slug).insights.report(range)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/no Insights license/),
    });
    // Another org's licensed admin sees none of it, in their org or by naming this one.
    const other = await callerFor(b.owner, b.slug).insights.report(range);
    expect(other.totals.activeUsers.current).toBe(0);
    expect(other.pages).toEqual([]);
    await expect(callerFor(b.owner, a.slug).insights.report(range)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // And RLS: B's bound connection cannot read A's raw events even by asking for them.
    const leaked = await db
      .forOrg(b.orgId)
      .sql.one(Prisma.sql`SELECT 1 FROM "InsightsEvent" WHERE "orgId" = ${a.orgId}`);
    expect(leaked).toEqual([]);
  });

  it("rollups equal a recount from the raw events", async () => {
    const { queue } = inlineQueue();
    const users = [a.owner, a.member];
    for (let i = 0; i < 12; i++) {
      const user = users[i % 2]!;
      await post(handlerFor(user, queue), {
        org: a.slug,
        events: [
          view(i % 3 ? "/catalog" : "/costs", { ageMs: i * 1000 }),
          view("/catalog/component", { entity: { ref: `component:default/svc-${i % 4}`, kind: "component" } }),
          { type: "search", query: `q${i % 5}`, resultCount: i % 2, ...(i % 3 ? {} : { clicked: "api:default/x" }) },
        ],
      });
    }
    await rollupOrg(db.forOrg(a.orgId));
    const recount = await db.admin.sql.one<{ dimension: string; key: string; events: number; users: number }>(
      Prisma.sql`
      SELECT dim AS dimension, key, count(*)::int AS events, count(DISTINCT "userId")::int AS users FROM (
        SELECT 'user' AS dim, "userId" AS key, "userId" FROM "InsightsEvent" WHERE "orgId" = ${a.orgId}
        UNION ALL SELECT 'plugin', plugin, "userId" FROM "InsightsEvent" WHERE "orgId" = ${a.orgId} AND type = 'page_view'
        UNION ALL SELECT 'page', plugin || ' ' || page, "userId" FROM "InsightsEvent"
          WHERE "orgId" = ${a.orgId} AND type = 'page_view'
        UNION ALL SELECT 'entity', "entityRef", "userId" FROM "InsightsEvent"
          WHERE "orgId" = ${a.orgId} AND "entityRef" IS NOT NULL
        UNION ALL SELECT 'search', query, "userId" FROM "InsightsEvent" WHERE "orgId" = ${a.orgId} AND type = 'search'
        UNION ALL SELECT 'milestone', milestone, "userId" FROM "InsightsEvent"
          WHERE "orgId" = ${a.orgId} AND type = 'milestone'
      ) x GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const rollups = await db.admin.insightsDailyRollup.findMany({
      where: { orgId: a.orgId },
      select: { dimension: true, key: true, events: true, users: true },
      orderBy: [{ dimension: "asc" }, { key: "asc" }],
    });
    // Every event of the test happened today (UTC), so one day's rollup is the whole recount.
    expect(rollups).toEqual(recount);
    const [zero] = await db.admin.sql.one<{ zero: number; clicks: number }>(Prisma.sql`
      SELECT count(*) FILTER (WHERE "resultCount" = 0)::int AS zero, count(clicked)::int AS clicks
      FROM "InsightsEvent" WHERE "orgId" = ${a.orgId} AND type = 'search'`);
    const sums = await db.admin.insightsDailyRollup.aggregate({
      where: { orgId: a.orgId, dimension: "search" },
      _sum: { zeroResults: true, clicks: true },
    });
    expect({ zero: sums._sum.zeroResults, clicks: sums._sum.clicks }).toEqual(zero);
    // Rolling up again changes nothing.
    await db.admin.insightsDirtyDay.create({ data: { orgId: a.orgId, day: new Date(`${today}T00:00:00Z`) } });
    await rollupOrg(db.forOrg(a.orgId));
    expect(
      await db.admin.insightsDailyRollup.findMany({
        where: { orgId: a.orgId },
        select: { dimension: true, key: true, events: true, users: true },
        orderBy: [{ dimension: "asc" }, { key: "asc" }],
      }),
    ).toEqual(recount);
  });

  it("adoption by team comes from catalog Groups, and never-viewed entities from the catalog", async () => {
    const doc = (kind: string, name: string, spec: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
    await callerFor(a.owner, a.slug).catalog.importYaml({
      source: "insights-teams",
      dryRun: false,
      files: [
        {
          name: "catalog-info.yaml",
          content: [
            doc("Group", "platform", "  type: team\n  children: []"),
            doc("User", "member", `  profile:\n    email: ${a.member.email}\n  memberOf: [platform]`),
            doc("User", "idle", `  profile:\n    email: ${a.unlicensed.email}\n  memberOf: [platform]`),
            doc("Component", "svc-0", "  type: service\n  lifecycle: production\n  owner: platform"),
            doc("Component", "forgotten", "  type: service\n  lifecycle: production\n  owner: platform"),
          ].join("\n---\n"),
        },
      ],
    });
    const report = await callerFor(a.member, a.slug).insights.report(range);
    expect(report.teams).toEqual([{ group: "group:default/platform", members: 2, active: 1 }]);
    // svc-0 was viewed by an earlier test; forgotten never was.
    expect(report.neverViewed.entities.map((e) => e.ref)).toEqual(["component:default/forgotten"]);
    expect(report.neverViewed.total).toBe(1);
  });

  it("settings: admins only, audited; pseudonymized reports name nobody", async () => {
    await expect(
      callerFor(a.member, a.slug).insights.updateSettings({ retentionMonths: 6, pseudonymize: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(a.member, a.slug).insights.settings()).toEqual({ retentionMonths: 13, pseudonymize: false });
    await expect(
      callerFor(a.owner, a.slug).insights.updateSettings({ retentionMonths: 99, pseudonymize: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await callerFor(a.owner, a.slug).insights.updateSettings({ retentionMonths: 6, pseudonymize: true });
    const report = await callerFor(a.member, a.slug).insights.report(range);
    expect(report.pseudonymized).toBe(true);
    expect(report.people.length).toBeGreaterThan(0);
    for (const p of report.people) expect(p.label).toMatch(/^User [0-9a-f]{6}$/);
    const audit = await callerFor(a.owner, a.slug).audit.list({});
    expect(audit.items.map((i) => i.action)).toContain("insights.settings_changed");
    await callerFor(a.owner, a.slug).insights.updateSettings({ retentionMonths: 13, pseudonymize: false });
  });

  it("refuses a period that ends before it starts or is too long", async () => {
    const api = callerFor(a.member, a.slug);
    await expect(api.insights.report({ from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.insights.report({ from: "2020-01-01", to: "2026-01-01" })).rejects.toThrow(/at most 400 days/);
  });

  it("offers the plan's history only: an earlier start is refused with the plan that reaches it", async () => {
    const api = callerFor(a.member, a.slug);
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const plan = (await db.admin.orgBilling.findUnique({ where: { orgId: a.orgId } }))?.plan ?? "free";
    expect(plan).toBe("free");
    await api.insights.report({ from: day(29), to: day(0) });
    await expect(api.insights.report({ from: day(60), to: day(31) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("The Free plan shows the last 30 days of history"),
    });
  });
});
