import { Prisma } from "@stagedoor/db";

/** What a row of CostRollup sums: a team, system or component, or allocated/unallocated. */
export type CostRollupDimension = "team" | "system" | "entity" | "bucket";

/** The bucket keys: cost a tag allocated, and cost no tag did. */
export const ALLOCATED = "allocated";
export const UNALLOCATED = "unallocated";

/**
 * Re-sums one integration's CostRollup rows for the days [firstDay, lastDay] from its
 * CostDaily rows: delete, then one grouped INSERT (grouping sets give the team, system,
 * component and bucket sums in one pass); then the week rows of every week those days
 * touch, from the day rows. Runs inside the import's transaction, after its CostDaily rows
 * are replaced, so the page never sees the two disagree.
 */
export function rollUpCostDays(orgId: string, integrationId: string, firstDay: string, lastDay: string): Prisma.Sql[] {
  // Literals, not parameters: GROUP BY matches the select list's expressions by their text.
  const bucket = Prisma.raw(`CASE WHEN "allocatedBy" = '' THEN '${UNALLOCATED}' ELSE '${ALLOCATED}' END`);
  // ISO weeks (Monday first); on a timestamp, not a date, so the session time zone plays no part.
  const week = Prisma.raw(`date_trunc('week', day::timestamp)::date`);
  const integration = Prisma.sql`"orgId" = ${orgId} AND "integrationId" = ${integrationId}`;
  const weeks = Prisma.sql`day BETWEEN date_trunc('week', ${firstDay}::timestamp)::date AND ${lastDay}::date`;
  return [
    Prisma.sql`DELETE FROM "CostRollup" WHERE ${integration} AND span = 'day' AND day BETWEEN ${firstDay}::date AND ${lastDay}::date`,
    Prisma.sql`
      INSERT INTO "CostRollup" ("orgId", "integrationId", currency, dimension, span, day, key, "effectiveCost")
      SELECT ${orgId}, ${integrationId}, currency,
        CASE WHEN GROUPING(team) = 0 THEN 'team' WHEN GROUPING(system) = 0 THEN 'system'
             WHEN GROUPING("entityRef") = 0 THEN 'entity' ELSE 'bucket' END,
        'day', day, COALESCE(team, system, "entityRef", ${bucket}), SUM("effectiveCost")
      FROM "CostDaily"
      WHERE ${integration} AND day BETWEEN ${firstDay}::date AND ${lastDay}::date
      GROUP BY currency, day, GROUPING SETS ((team), (system), ("entityRef"), (${bucket}))`,
    Prisma.sql`DELETE FROM "CostRollup" WHERE ${integration} AND span = 'week' AND ${weeks}`,
    Prisma.sql`
      INSERT INTO "CostRollup" ("orgId", "integrationId", currency, dimension, span, day, key, "effectiveCost")
      SELECT ${orgId}, ${integrationId}, currency, dimension, 'week', ${week}, key, SUM("effectiveCost")
      FROM "CostRollup"
      WHERE ${integration} AND span = 'day' AND dimension <> 'bucket'
        AND day BETWEEN date_trunc('week', ${firstDay}::timestamp)::date AND date_trunc('week', ${lastDay}::timestamp)::date + 6
      GROUP BY currency, dimension, ${week}, key`,
  ];
}

export type RollupRange = { span: "day" | "week"; from: string; to: string };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The fewest rollup rows that sum exactly the days [from, to]: the whole weeks inside it as
 * week rows, the days before the first and after the last whole week as day rows.
 */
export function rollupRanges(from: string, to: string): RollupRange[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const daysToMonday = (8 - new Date(start).getUTCDay()) % 7;
  const firstWeek = start + daysToMonday * DAY_MS;
  const weekCount = Math.floor((end - firstWeek + DAY_MS) / (7 * DAY_MS));
  if (weekCount <= 0) return [{ span: "day", from, to }];
  const afterWeeks = firstWeek + weekCount * 7 * DAY_MS;
  const ranges: RollupRange[] = [];
  if (firstWeek > start) ranges.push({ span: "day", from, to: iso(firstWeek - DAY_MS) });
  ranges.push({ span: "week", from: iso(firstWeek), to: iso(afterWeeks - 7 * DAY_MS) });
  if (afterWeeks <= end) ranges.push({ span: "day", from: iso(afterWeeks), to });
  return ranges;
}
