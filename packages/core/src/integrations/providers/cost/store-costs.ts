import { randomUUID } from "node:crypto";
import { Prisma, type SqlQuery, type TenantDb } from "@stagedoor/db";
import type { AllocationRule } from "./allocation";
import { rollUpCostDays } from "./cost-rollup";
import type { FocusReadResult } from "./focus-reader";

type Resolved = { entityRef: string; team: string; system: string };

// Rows per INSERT … SELECT FROM unnest(arrays): one statement carries 11 arrays of this
// length (a few MB), so memory stays bounded while round trips and per-statement cost
// (planning, WAL flushes of many small statements) shrink.
const BATCH = 20_000;

/**
 * Component names the rows were allocated to, resolved against the catalog: the component
 * ref, its owner and its system. A name no component has keeps a `component:default/<name>`
 * ref so its cost still shows under that name.
 */
async function resolveEntities(q: SqlQuery, orgId: string, names: string[]): Promise<Map<string, Resolved>> {
  if (names.length === 0) return new Map();
  const rows = await q<{ name: string; ref: string; owner: string | null; system: string | null }>(Prisma.sql`
    SELECT DISTINCT ON (name) name, ref, owner, system FROM "CatalogEntity"
    WHERE "orgId" = ${orgId} AND kind = 'component' AND name = ANY(${names}::text[])
    ORDER BY name, (namespace = 'default') DESC, ref`);
  return new Map(rows.map((r) => [r.name, { entityRef: r.ref, team: r.owner ?? "", system: r.system ?? "" }]));
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
  rules: readonly AllocationRule[],
  result: FocusReadResult,
): Promise<StoredImport> {
  const days = result.aggregates.map((a) => a.day).sort();
  const firstDay = days[0] ?? null;
  const lastDay = days.at(-1) ?? null;
  const currencies = [...new Set(result.aggregates.map((a) => a.currency))].sort();
  return db.sql(async (q) => {
    const entityNames = [
      ...new Set(result.aggregates.filter((a) => rules[a.rule]?.target === "entity").map((a) => a.value.toLowerCase())),
    ];
    const entities = await resolveEntities(q, db.orgId, entityNames);
    const allocate = (rule: number, value: string): Resolved => {
      const target = rules[rule]?.target;
      const name = value.toLowerCase();
      if (target === "entity")
        return entities.get(name) ?? { entityRef: `component:default/${name}`, team: "", system: "" };
      if (target === "team") return { entityRef: "", team: `group:default/${name}`, system: "" };
      return { entityRef: "", team: "", system: "" };
    };
    if (firstDay && lastDay) {
      await q(Prisma.sql`DELETE FROM "CostDaily" WHERE "orgId" = ${db.orgId} AND "integrationId" = ${integrationId}
          AND day BETWEEN ${firstDay}::date AND ${lastDay}::date`);
    }
    for (let i = 0; i < result.aggregates.length; i += BATCH) {
      const batch = result.aggregates.slice(i, i + BATCH);
      const resolved = batch.map((a) => allocate(a.rule, a.value));
      await q(Prisma.sql`
          INSERT INTO "CostDaily" ("orgId", "integrationId", day, currency, "serviceName", "allocatedBy", "allocationValue",
            "entityRef", team, system, "billedCost", "effectiveCost", "rowCount")
          SELECT ${db.orgId}, ${integrationId}, u.day, u.currency, u.service, u.key, u.value, u.ref, u.team, u.system,
            u.billed, u.effective, u.n
          FROM unnest(${batch.map((a) => a.day)}::date[], ${batch.map((a) => a.currency)}::text[],
            ${batch.map((a) => a.serviceName)}::text[], ${batch.map((a) => rules[a.rule]?.key ?? "")}::text[],
            ${batch.map((a) => (a.rule >= 0 ? a.value : ""))}::text[], ${resolved.map((r) => r.entityRef)}::text[],
            ${resolved.map((r) => r.team)}::text[], ${resolved.map((r) => r.system)}::text[],
            ${batch.map((a) => a.billedCost)}::numeric[], ${batch.map((a) => a.effectiveCost)}::numeric[],
            ${batch.map((a) => a.rows)}::int[])
            AS u(day, currency, service, key, value, ref, team, system, billed, effective, n)`);
    }
    if (firstDay && lastDay) {
      for (const statement of rollUpCostDays(db.orgId, integrationId, firstDay, lastDay)) await q(statement);
    }
    // Prisma's cuid default does not apply on this path; any unique text id will do.
    const importId = `ci${randomUUID().replaceAll("-", "")}`;
    await q(Prisma.sql`
        INSERT INTO "CostImport" (id, "orgId", "integrationId", source, "rowsRead", "rowsRejected", rejected,
          "firstDay", "lastDay", currencies, aggregates)
        VALUES (${importId}, ${db.orgId}, ${integrationId}, ${source}, ${result.rowsRead}, ${result.rowsRejected},
          ${JSON.stringify(result.rejected)}::jsonb, ${firstDay}::date, ${lastDay}::date, ${currencies}::text[],
          ${result.aggregates.length})`);
    return { importId, aggregates: result.aggregates.length, firstDay, lastDay };
  });
}
