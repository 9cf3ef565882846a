import { Prisma } from "@stagedoor/db";

/** What a row of CostRollup sums: a team, system or component, or allocated/unallocated. */
export type CostRollupDimension = "team" | "system" | "entity" | "bucket";

/** The bucket keys: cost a tag allocated, and cost no tag did. */
export const ALLOCATED = "allocated";
export const UNALLOCATED = "unallocated";

/**
 * Re-sums one integration's CostRollup rows for the days [firstDay, lastDay] from its
 * CostDaily rows: delete, then one grouped INSERT (grouping sets give the team, system,
 * component and bucket sums in one pass). Runs inside the import's transaction, after its
 * CostDaily rows are replaced, so the page never sees the two disagree.
 */
export function rollUpCostDays(orgId: string, integrationId: string, firstDay: string, lastDay: string): Prisma.Sql[] {
  // A literal, not parameters: GROUP BY matches the select list's expression by its text.
  const bucket = Prisma.raw(`CASE WHEN "allocatedBy" = '' THEN '${UNALLOCATED}' ELSE '${ALLOCATED}' END`);
  return [
    Prisma.sql`DELETE FROM "CostRollup" WHERE "orgId" = ${orgId} AND "integrationId" = ${integrationId}
      AND day BETWEEN ${firstDay}::date AND ${lastDay}::date`,
    Prisma.sql`
      INSERT INTO "CostRollup" ("orgId", "integrationId", currency, dimension, day, key, "effectiveCost")
      SELECT ${orgId}, ${integrationId}, currency,
        CASE WHEN GROUPING(team) = 0 THEN 'team' WHEN GROUPING(system) = 0 THEN 'system'
             WHEN GROUPING("entityRef") = 0 THEN 'entity' ELSE 'bucket' END,
        day, COALESCE(team, system, "entityRef", ${bucket}), SUM("effectiveCost")
      FROM "CostDaily"
      WHERE "orgId" = ${orgId} AND "integrationId" = ${integrationId} AND day BETWEEN ${firstDay}::date AND ${lastDay}::date
      GROUP BY currency, day, GROUPING SETS ((team), (system), ("entityRef"), (${bucket}))`,
  ];
}
