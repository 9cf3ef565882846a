import { Prisma, type Database } from "@stagedoor/db";
import {
  INSIGHTS_DEFAULT_RETENTION_MONTHS,
  INSIGHTS_MAX_RETENTION_MONTHS,
  INSIGHTS_MIN_RETENTION_MONTHS,
} from "../limits";

const monthsBefore = (now: Date, months: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate())).toISOString().slice(0, 10);

/**
 * Daily housekeeping across orgs (admin client, like the other purges): creates next
 * month's partition ahead of its first write, drops partitions past the longest retention
 * any org may choose, and deletes each org's events and rollups older than its own
 * retention (13 months unless the org chose otherwise).
 */
export async function applyInsightsRetention(db: Database, now = new Date()) {
  const nowUtc = now.toISOString().replace("T", " ").replace("Z", "");
  return db.admin.sql(async (q) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
    await q(Prisma.sql`SELECT insights_ensure_month(${next}::date)`);
    const [{ dropped } = { dropped: 0 }] = await q<{ dropped: number }>(
      Prisma.sql`SELECT insights_drop_months_before(${monthsBefore(now, INSIGHTS_MAX_RETENTION_MONTHS)}::date) AS dropped`,
    );
    // Rows newer than the shortest retention are never old enough: the bound lets
    // PostgreSQL skip the newest partitions.
    const newest = monthsBefore(now, INSIGHTS_MIN_RETENTION_MONTHS);
    const retention = Prisma.sql`make_interval(months => COALESCE(
      (SELECT s."retentionMonths" FROM "InsightsSettings" s WHERE s."orgId" = t."orgId"), ${INSIGHTS_DEFAULT_RETENTION_MONTHS}::int))`;
    const [{ n: events } = { n: 0 }] = await q<{ n: number }>(Prisma.sql`
      WITH d AS (DELETE FROM "InsightsEvent" t WHERE t.at < ${newest}::date
        AND t.at < ${nowUtc}::timestamp - ${retention} RETURNING 1)
      SELECT count(*)::int AS n FROM d`);
    const [{ n: rollups } = { n: 0 }] = await q<{ n: number }>(Prisma.sql`
      WITH d AS (DELETE FROM "InsightsDailyRollup" t WHERE t.day < ${newest}::date
        AND t.day < ${nowUtc}::timestamp - ${retention} RETURNING 1)
      SELECT count(*)::int AS n FROM d`);
    return { droppedPartitions: dropped, deletedEvents: events, deletedRollups: rollups };
  });
}
