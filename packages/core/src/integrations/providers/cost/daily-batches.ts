import { LIST, listValue, VARCHAR, type DuckDBConnection } from "@duckdb/node-api";
import type { AllocationRule } from "./allocation";

/** A component the catalog knows, by its lower-cased name: its ref, owner and system ('' if none). */
export type ResolvedEntity = { name: string; ref: string; team: string; system: string };

/**
 * One batch of CostDaily rows as PostgreSQL array literals, one per column, in the same row
 * order: the store passes each as one parameter to `unnest($1::date[], ...)`. DuckDB writes
 * them, so no row of an import ever becomes a JavaScript object or string of its own.
 */
export type DailyBatch = {
  rows: number;
  day: string;
  currency: string;
  service: string;
  allocatedBy: string;
  allocationValue: string;
  entityRef: string;
  team: string;
  system: string;
  billedCost: string;
  effectiveCost: string;
  rowCount: string;
};

/**
 * A text value as an element of a PostgreSQL array literal: always double-quoted (so commas,
 * braces, spaces and the word NULL stay text), with backslashes and double quotes escaped.
 * DuckDB string literals take a backslash as it is.
 */
const PG_TEXT_MACRO = `CREATE OR REPLACE TEMP MACRO pg_text(x) AS
  '"' || replace(replace(x, '\\', '\\\\'), '"', '\\"') || '"'`;

const literal = (element: string) => `'{' || string_agg(${element}, ',' ORDER BY ord) || '}'`;

/**
 * The import's daily aggregates (DuckDB's `daily` table, see focus-reader.ts) allocated and
 * written as CostDaily batches of `size` rows. Allocation: a row's rule gives the tag key
 * (allocatedBy); an entity rule's value is a component name, resolved to its ref, owner and
 * system when the catalog has it (`component:default/<name>` otherwise); a team rule's value
 * is a group name. Rows no rule allocated keep '' everywhere (the unallocated bucket).
 */
export async function* dailyBatches(
  connection: DuckDBConnection,
  rules: readonly AllocationRule[],
  entities: readonly ResolvedEntity[],
  size: number,
): AsyncGenerator<DailyBatch> {
  // Lists of text as parameters (typed, so an empty one binds too), zipped into rows.
  const table = async (name: string, columns: Record<string, readonly string[]>) => {
    const names = Object.keys(columns);
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT ${names.map((c, i) => `unnest($${i + 1}) AS ${c}`).join(", ")}`,
      Object.values(columns).map((values) => listValue(values)),
      names.map(() => LIST(VARCHAR)),
    );
  };
  await connection.run(PG_TEXT_MACRO);
  await table("rules", {
    rule: rules.map((_, i) => String(i)),
    key: rules.map((r) => r.key),
    target: rules.map((r) => r.target),
  });
  await table("entities", {
    name: entities.map((e) => e.name),
    ref: entities.map((e) => e.ref),
    team: entities.map((e) => e.team),
    system: entities.map((e) => e.system),
  });
  const count = await connection.runAndReadAll("SELECT COUNT(*) AS n FROM daily");
  const total = Number(count.getRowObjectsJS()[0]!.n);
  for (let from = 0; from < total; from += size) {
    const reader = await connection.runAndReadAll(
      `WITH allocated AS (
         SELECT d.ord, d.day, d.currency, d.service, COALESCE(r.key, '') AS allocated_by,
           CASE WHEN r.key IS NULL THEN '' ELSE d.value END AS allocation_value,
           CASE r.target WHEN 'entity' THEN COALESCE(e.ref, 'component:default/' || lower(d.value)) ELSE '' END
             AS entity_ref,
           CASE r.target WHEN 'entity' THEN COALESCE(e.team, '') WHEN 'team' THEN 'group:default/' || lower(d.value)
             ELSE '' END AS team,
           CASE r.target WHEN 'entity' THEN COALESCE(e.system, '') ELSE '' END AS system,
           d.billed, d.effective, d.n
         FROM daily d
         LEFT JOIN rules r ON CAST(r.rule AS INTEGER) = d.rule
         -- An equality alone, so DuckDB hashes the join instead of looping over it.
         LEFT JOIN entities e ON e.name = CASE WHEN r.target = 'entity' THEN lower(d.value) END
         WHERE d.ord >= ${from} AND d.ord < ${from + size}
       )
       SELECT COUNT(*) AS rows,
         ${literal("strftime(day, '%Y-%m-%d')")} AS day,
         ${literal("pg_text(currency)")} AS currency,
         ${literal("pg_text(service)")} AS service,
         ${literal("pg_text(allocated_by)")} AS allocated_by,
         ${literal("pg_text(allocation_value)")} AS allocation_value,
         ${literal("pg_text(entity_ref)")} AS entity_ref,
         ${literal("pg_text(team)")} AS team,
         ${literal("pg_text(system)")} AS system,
         ${literal("CAST(billed AS VARCHAR)")} AS billed,
         ${literal("CAST(effective AS VARCHAR)")} AS effective,
         ${literal("CAST(n AS VARCHAR)")} AS n
       FROM allocated`,
    );
    const b = reader.getRowObjectsJS()[0] as Record<string, string | bigint>;
    yield {
      rows: Number(b.rows),
      day: String(b.day),
      currency: String(b.currency),
      service: String(b.service),
      allocatedBy: String(b.allocated_by),
      allocationValue: String(b.allocation_value),
      entityRef: String(b.entity_ref),
      team: String(b.team),
      system: String(b.system),
      billedCost: String(b.billed),
      effectiveCost: String(b.effective),
      rowCount: String(b.n),
    };
  }
}
