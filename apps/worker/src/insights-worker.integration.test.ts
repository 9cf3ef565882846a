import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { Prisma } from "@stagedoor/db";
import { makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { applyInsightsRetention, createBullInsightsQueue, rollupOrg } from "@stagedoor/core";
import { startInsightsWorker } from "./insights-worker";

const db = testDatabase();
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const prefix = `${process.env.QUEUE_PREFIX}-insights-${Date.now()}`;

afterAll(async () => {
  const keys = await connection.keys(`${prefix}:*`);
  if (keys.length) await connection.del(...keys);
  connection.disconnect();
});

const count = async (orgId: string) =>
  (
    await db.admin.sql.one<{ n: number }>(
      Prisma.sql`SELECT count(*)::int AS n FROM "InsightsEvent" WHERE "orgId" = ${orgId}`,
    )
  )[0]!.n;

async function until(check: () => Promise<boolean>) {
  for (;;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("insights worker", () => {
  it("writes queued batches, across month partitions, and rolls up the days they touched", async () => {
    const org = await makeOrg(db);
    const user = await makeUser(db);
    const queue = createBullInsightsQueue({ connection, redis: connection, prefix });
    const worker = await startInsightsWorker({
      db,
      connection,
      prefix,
      concurrency: 2,
      schedules: { "insights.rollup": false, "insights.retention": false },
    });
    try {
      // Two batches received at different times: one a few months ago (its own partition).
      const then = Date.UTC(2026, 5, 30, 23, 59, 0);
      const events = Array.from({ length: 150 }, (_, i) => ({
        type: "page_view" as const,
        ageMs: i,
        plugin: "catalog",
        page: "/catalog",
      }));
      expect(await queue.enqueue({ orgId: org.id, userId: user.id, receivedAt: then, events })).toBe("queued");
      // One reading of the clock, so the expected day is the batch's even across midnight.
      const now = Date.now();
      expect(
        await queue.enqueue({ orgId: org.id, userId: user.id, receivedAt: now, events: events.slice(0, 10) }),
      ).toBe("queued");
      await until(async () => (await count(org.id)) === 160);
      // This org's rollup only: rolling up every org would take other test files' dirty days.
      await rollupOrg(db.forOrg(org.id));
      const rollups = await db.admin.insightsDailyRollup.findMany({
        where: { orgId: org.id, dimension: "plugin" },
        select: { day: true, events: true },
        orderBy: { day: "asc" },
      });
      expect(rollups.map((r) => [r.day.toISOString().slice(0, 10), r.events])).toEqual([
        ["2026-06-30", 150],
        [new Date(now).toISOString().slice(0, 10), 10],
      ]);
      expect(await db.admin.insightsDirtyDay.count({ where: { orgId: org.id } })).toBe(0);
    } finally {
      await worker.close();
      await queue.close();
    }
  });

  it("drops batches (and counts them) instead of queueing past the bound", async () => {
    const queue = createBullInsightsQueue({ connection, redis: connection, prefix: `${prefix}-bound`, maxBacklog: 2 });
    const batch = {
      orgId: "org",
      userId: "user",
      receivedAt: Date.now(),
      events: [{ type: "milestone" as const, ageMs: 0, milestone: "member.invited" as const }],
    };
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await queue.enqueue(batch));
    expect(outcomes).toEqual(["queued", "queued", "dropped", "dropped"]);
    expect(await queue.droppedBatches()).toBe(2);
    await queue.close();
  });

  it("retention deletes each org's events older than its own setting, rollups too", async () => {
    const [short, standard] = await Promise.all([makeOrg(db), makeOrg(db)]);
    const user = await makeUser(db);
    await db.admin.insightsSettings.create({ data: { orgId: short.id, retentionMonths: 2 } });
    const now = new Date(Date.UTC(2026, 10, 27));
    const ago = (months: number) => Date.UTC(2026, 10 - months, 20);
    const queue = createBullInsightsQueue({ connection, redis: connection, prefix: `${prefix}-ret` });
    const worker = await startInsightsWorker({
      db,
      connection,
      prefix: `${prefix}-ret`,
      concurrency: 1,
      schedules: { "insights.rollup": false, "insights.retention": false },
    });
    try {
      for (const org of [short, standard]) {
        for (const months of [1, 3, 12]) {
          await queue.enqueue({
            orgId: org.id,
            userId: user.id,
            receivedAt: ago(months),
            events: [{ type: "page_view", ageMs: 0, plugin: "home", page: "/" }],
          });
        }
      }
      await until(async () => (await count(short.id)) === 3 && (await count(standard.id)) === 3);
      for (const org of [short, standard]) await rollupOrg(db.forOrg(org.id));
      const result = await applyInsightsRetention(db, now);
      expect(result.deletedEvents).toBeGreaterThanOrEqual(2);
      expect(await count(short.id)).toBe(1);
      expect(await count(standard.id)).toBe(3);
      expect(await db.admin.insightsDailyRollup.count({ where: { orgId: short.id, dimension: "user" } })).toBe(1);
      expect(await db.admin.insightsDailyRollup.count({ where: { orgId: standard.id, dimension: "user" } })).toBe(3);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
