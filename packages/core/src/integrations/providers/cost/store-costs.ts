import { randomUUID } from "node:crypto";
import { Prisma, type SqlQuery, type TenantDb } from "@stagedoor/db";
import { rollUpCostDays } from "./cost-rollup";
import type { ResolvedEntity } from "./daily-batches";
import type { FocusRead } from "./focus-reader";

// Rows per INSERT … SELECT FROM unnest(arrays): one statement carries 11 array literals of
// this length (a few MB), so memory stays bounded while round trips and per-statement cost
// (planning, WAL flushes of many small statements) shrink.
const BATCH = 20_000;

/**
 * Component names the rows were allocated to, resolved against the catalog: the component
 * ref, its owner and its system. A name no component has is left out (its rows keep a
 * `component:default/<name>` ref, see daily-batches.ts).
 */
async function resolveEntities(q: SqlQuery, orgId: string, names: string[]): Promise<ResolvedEntity[]> {
  if (names.length === 0) return [];
  const rows = await q<{ name: string; ref: string; owner: string | null; system: string | null }>(Prisma.sql`
    SELECT DISTINCT ON (name) name, ref, owner, system FROM "CatalogEntity"
    WHERE "orgId" = ${orgId} AND kind = 'component' AND name = ANY(${names}::text[])
    ORDER BY name, (namespace = 'default') DESC, ref`);
  return rows.map((r) => ({ name: r.name, ref: r.ref, team: r.owner ?? "", system: r.system ?? "" }));
}

export type StoredImport = { importId: string; aggregates: number; firstDay: string | null; lastDay: string | null };

/**
 * Replaces the integration's daily aggregates (and their Cost Insights rollups) for the days
 * the import covers and records the import, in one transaction: re-importing a period
 * replaces it, never adds to it. Runs on the org-bound raw SQL path (db.sql): the arrays go
 * to PostgreSQL as they are, without Prisma's per-query overhead.
 */
export async function storeCostImport(
  db: TenantDb,
  integrationId: string,
  source: string,
  read: FocusRead,
): Promise<StoredImport> {
  const { firstDay, lastDay } = read;
  return db.sql(async (q) => {
    const entities = await resolveEntities(q, db.orgId, read.entityNames);
    if (firstDay && lastDay) {
      await q(Prisma.sql`DELETE FROM "CostDaily" WHERE "orgId" = ${db.orgId} AND "integrationId" = ${integrationId}
          AND day BETWEEN ${firstDay}::date AND ${lastDay}::date`);
    }
    // One insert in flight while DuckDB writes the next batch: PostgreSQL and DuckDB work at
    // the same time, and at most two batches are held.
    let inflight: Promise<unknown> = Promise.resolve();
    for await (const b of read.batches(entities, BATCH)) {
      await inflight;
      inflight = q(Prisma.sql`
          INSERT INTO "CostDaily" ("orgId", "integrationId", day, currency, "serviceName", "allocatedBy", "allocationValue",
            "entityRef", team, system, "billedCost", "effectiveCost", "rowCount")
          SELECT ${db.orgId}, ${integrationId}, u.*
          FROM unnest(${b.day}::date[], ${b.currency}::text[], ${b.service}::text[], ${b.allocatedBy}::text[],
            ${b.allocationValue}::text[], ${b.entityRef}::text[], ${b.team}::text[], ${b.system}::text[],
            ${b.billedCost}::numeric[], ${b.effectiveCost}::numeric[], ${b.rowCount}::int[]) AS u`);
      // Awaited at the next batch or below; until then its failure must not count as unhandled.
      inflight.catch(() => undefined);
    }
    await inflight;
    if (firstDay && lastDay) {
      for (const statement of rollUpCostDays(db.orgId, integrationId, firstDay, lastDay)) await q(statement);
    }
    // Prisma's cuid default does not apply on this path; any unique text id will do.
    const importId = `ci${randomUUID().replaceAll("-", "")}`;
    await q(Prisma.sql`
        INSERT INTO "CostImport" (id, "orgId", "integrationId", source, "rowsRead", "rowsRejected", rejected,
          "firstDay", "lastDay", currencies, aggregates)
        VALUES (${importId}, ${db.orgId}, ${integrationId}, ${source}, ${read.rowsRead}, ${read.rowsRejected},
          ${JSON.stringify(read.rejected)}::jsonb, ${firstDay}::date, ${lastDay}::date, ${read.currencies}::text[],
          ${read.aggregates})`);
    return { importId, aggregates: read.aggregates, firstDay, lastDay };
  });
}
