import { Prisma, type Database, type TenantDb } from "@stagedoor/db";
import { rollupLock } from "./org-lock";

/**
 * The dimensions of the daily rollup and what their key is. A page's key is its plugin and
 * route joined by a space (routes start with "/"); an API key is the client and the route.
 */
export const ROLLUP_DIMENSIONS = ["user", "plugin", "page", "entity", "search", "milestone", "api"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/**
 * Recomputes one day's rollup of one org from its raw events, in one statement that reads
 * the day once (each event counts towards every dimension it has a key for). Replaces the
 * day's rows, so running it twice changes nothing.
 */
export async function rollupDay(db: TenantDb, day: string): Promise<number> {
  return db.sql(async (q) => {
    await q(Prisma.sql`DELETE FROM "InsightsDailyRollup" WHERE "orgId" = ${db.orgId} AND day = ${day}::date`);
    const [row] = await q<{ n: number }>(Prisma.sql`
      WITH inserted AS (
        INSERT INTO "InsightsDailyRollup" ("orgId", day, dimension, key, events, users, "zeroResults", clicks)
        SELECT ${db.orgId}, ${day}::date, v.dim, v.key, count(*)::int, count(DISTINCT e."userId")::int,
          sum(v.zero)::int, sum(v.click)::int
        FROM "InsightsEvent" e
        CROSS JOIN LATERAL (VALUES
          ('user', e."userId", 0, 0),
          ('plugin', CASE WHEN e.type = 'page_view' THEN e.plugin END, 0, 0),
          ('page', CASE WHEN e.type = 'page_view' THEN e.plugin || ' ' || e.page END, 0, 0),
          ('entity', CASE WHEN e.type = 'page_view' THEN e."entityRef" END, 0, 0),
          ('search', CASE WHEN e.type = 'search' THEN e.query END,
            CASE WHEN e."resultCount" = 0 THEN 1 ELSE 0 END, CASE WHEN e.clicked IS NOT NULL THEN 1 ELSE 0 END),
          ('milestone', e.milestone, 0, 0),
          ('api', CASE WHEN e.type = 'api_call' THEN e.source || ' ' || e.page END, 0, 0)
        ) AS v(dim, key, zero, click)
        WHERE e."orgId" = ${db.orgId} AND e.at >= ${day}::date AND e.at < ${day}::date + 1 AND v.key IS NOT NULL
        GROUP BY v.dim, v.key
        RETURNING 1)
      SELECT count(*)::int AS n FROM inserted`);
    return row?.n ?? 0;
  });
}

/**
 * Clears an org's dirty days (under the rollup lock, see org-lock.ts) and recomputes each.
 * A day that fails stays clean here but is marked again by its next event; the job's retry
 * covers the rest.
 */
export async function rollupOrg(db: TenantDb): Promise<string[]> {
  const days = await db.sql(async (q) => {
    await q(rollupLock(db.orgId));
    const rows = await q<{ day: string }>(Prisma.sql`
      DELETE FROM "InsightsDirtyDay" WHERE "orgId" = ${db.orgId} RETURNING to_char(day, 'YYYY-MM-DD') AS day`);
    return rows.map((r) => r.day).sort();
  });
  try {
    for (const day of days) await rollupDay(db, day);
  } catch (error) {
    // Put them back so the next run tries again.
    await db.sql.one(Prisma.sql`
      INSERT INTO "InsightsDirtyDay" ("orgId", day) SELECT ${db.orgId}, d FROM unnest(${days}::date[]) d
      ON CONFLICT DO NOTHING`);
    throw error;
  }
  return days;
}

/** Every org with dirty days (the one cross-org read), each rolled up through its own bound client. */
export async function rollupDirtyDays(db: Database): Promise<{ orgs: number; days: number }> {
  const orgs = await db.admin.sql.one<{ orgId: string }>(
    Prisma.sql`SELECT DISTINCT "orgId" FROM "InsightsDirtyDay" ORDER BY 1`,
  );
  let days = 0;
  for (const { orgId } of orgs) days += (await rollupOrg(db.forOrg(orgId))).length;
  return { orgs: orgs.length, days };
}
