import { Prisma, type PrismaTypes, type SqlQuery } from "@stagedoor/db";
import type { EntityFilter, EntityQuery } from "./entity-filter";
import type { FacetCount, FacetKey } from "./facet-keys";

// CatalogFacetCount: per org, kind and facet column, [[value, count], ...] as JSON in the
// order facets are shown (count descending, then value), plus the same over all kinds
// under kind "". Exact, because every transaction that changes the org's entities
// either applies the difference it made (ingestion: FacetDelta, cost follows the changed
// entities) or recounts the kinds it touched (deletions, rare); small: one row per kind
// and facet.

type Tx = PrismaTypes.TransactionClient;
type Column = Exclude<FacetKey, "kind" | "tag">;
// Facet changes per statement when applying a delta.
export const FACET_CHUNK = 20_000;
const COLUMNS: Column[] = ["type", "lifecycle", "owner", "system", "namespace"];

/**
 * Recounts the facets of the given kinds (a ref never changes kind, so those are the kinds
 * of the entities created, changed or deleted), then the all-kinds row from the per-kind
 * rows. Cost follows those kinds' entities, not the whole org's.
 */
export async function refreshFacetCounts(tx: Tx, orgId: string, kinds: string[]): Promise<void> {
  if (kinds.length === 0) return;
  const columns = COLUMNS.map((c) => {
    const col = Prisma.raw(`"${c}"`);
    return Prisma.sql`SELECT kind, ${c}::text AS facet, ${col} AS value, count(*)::int AS n
      FROM m WHERE ${col} IS NOT NULL GROUP BY kind, ${col}`;
  });
  await tx.$executeRaw`DELETE FROM "CatalogFacetCount" WHERE "orgId" = ${orgId} AND kind = ANY(${[...kinds, ""]}::text[])`;
  await tx.$executeRaw`
    WITH m AS MATERIALIZED (
      SELECT kind, type, lifecycle, owner, system, namespace, tags FROM "CatalogEntity"
      WHERE "orgId" = ${orgId} AND kind = ANY(${kinds}::text[]))
    INSERT INTO "CatalogFacetCount" ("orgId", kind, facet, counts)
    SELECT ${orgId}, kind, facet, jsonb_agg(jsonb_build_array(value, n) ORDER BY n DESC, value COLLATE "C") FROM (
      ${Prisma.join(columns, " UNION ALL ")}
      UNION ALL
      SELECT kind, 'tag', t, count(*)::int FROM m, LATERAL (SELECT DISTINCT unnest(m.tags)) AS u(t) GROUP BY kind, t
    ) f GROUP BY kind, facet`;
  await tx.$executeRaw`
    INSERT INTO "CatalogFacetCount" ("orgId", kind, facet, counts)
    SELECT ${orgId}, '', facet, jsonb_agg(jsonb_build_array(value, n) ORDER BY n DESC, value COLLATE "C") FROM (
      SELECT f.facet, v.e->>0 AS value, sum((v.e->>1)::int)::int AS n
      FROM "CatalogFacetCount" f, jsonb_array_elements(f.counts) AS v(e)
      WHERE f."orgId" = ${orgId} AND f.kind <> '' GROUP BY f.facet, v.e->>0
    ) t GROUP BY facet`;
}

/** An entity's facet columns, as stored. */
export type FacetColumns = {
  kind: string;
  namespace: string;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  tags: string[];
};

/**
 * What an ingestion changed in the facet counts: minus the stored version of each entity
 * it rewrote, plus the new one. Sized by the distinct values touched, not by the entities,
 * so a 100,000-entity import and a one-file webhook push both end with one small statement
 * (applyFacetDelta) instead of a recount of every entity of the kinds they touched.
 */
export class FacetDelta {
  private readonly counts = new Map<string, number>();

  add(row: FacetColumns, sign: 1 | -1): void {
    for (const kind of [row.kind, ""]) {
      for (const column of COLUMNS) {
        const value = row[column];
        if (value !== null) this.bump(kind, column, value, sign);
      }
      for (const tag of new Set(row.tags)) this.bump(kind, "tag", tag, sign);
    }
  }

  /** Non-zero changes as {kind, facet, value, n}, `size` at a time. */
  *chunks(size: number): Generator<Array<{ kind: string; facet: string; value: string; n: number }>> {
    let out = [];
    for (const [key, n] of this.counts) {
      if (n === 0) continue;
      const [kind, facet, value] = key.split("\u0000") as [string, string, string];
      out.push({ kind, facet, value, n });
      if (out.length === size) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }

  private bump(kind: string, facet: string, value: string, n: number): void {
    const key = `${kind}\u0000${facet}\u0000${value}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }
}

/**
 * Adds a delta to the stored counts of the (kind, facet) rows it touches, keeping their
 * order and dropping values that reach zero (a row with no value left is deleted). Must
 * run under the org's catalog lock, like every writer of CatalogFacetCount.
 */
export async function applyFacetDelta(
  tx: Tx,
  orgId: string,
  delta: FacetDelta,
  chunkSize = FACET_CHUNK,
): Promise<void> {
  // A million-entity import touches hundreds of thousands of values (owners, systems): in
  // chunks, memory holds one chunk's JSON. A row split over chunks is still exact: each
  // statement merges into what the ones before it stored.
  for (const changes of delta.chunks(chunkSize)) await applyChanges(tx, orgId, changes);
}

async function applyChanges(
  tx: Tx,
  orgId: string,
  changes: Array<{ kind: string; facet: string; value: string; n: number }>,
): Promise<void> {
  await tx.$executeRaw`
    WITH d AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS d(kind text, facet text, value text, n int)),
    keys AS (SELECT DISTINCT kind, facet FROM d),
    stored AS (
      SELECT f.kind, f.facet, v.e->>0 AS value, (v.e->>1)::int AS n
      FROM "CatalogFacetCount" f JOIN keys k ON k.kind = f.kind AND k.facet = f.facet,
        jsonb_array_elements(f.counts) AS v(e)
      WHERE f."orgId" = ${orgId}),
    merged AS (
      SELECT kind, facet, value, sum(n)::int AS n FROM (SELECT * FROM stored UNION ALL SELECT * FROM d) x
      GROUP BY kind, facet, value HAVING sum(n) > 0),
    rows AS (
      SELECT kind, facet, jsonb_agg(jsonb_build_array(value, n) ORDER BY n DESC, value COLLATE "C") AS counts
      FROM merged GROUP BY kind, facet),
    emptied AS (
      DELETE FROM "CatalogFacetCount" f USING keys k
      WHERE f."orgId" = ${orgId} AND f.kind = k.kind AND f.facet = k.facet
        AND NOT EXISTS (SELECT 1 FROM rows r WHERE r.kind = k.kind AND r.facet = k.facet))
    INSERT INTO "CatalogFacetCount" ("orgId", kind, facet, counts)
    SELECT ${orgId}, kind, facet, counts FROM rows
    ON CONFLICT ("orgId", kind, facet) DO UPDATE SET counts = excluded.counts`;
}

type Scope = { kinds: string[] | null; facet?: { key: Column | "tag"; values: string[] } };

const SIMPLE_KEYS = new Set(["kind", ...COLUMNS, "tag"]);

/**
 * Whether the summary can answer for this query: no search, one filter set holding kinds
 * and at most one other facet column. Values arrive already normalised (see entity-filter).
 */
export function summaryScope(query: EntityQuery, normalise: (f: EntityFilter) => EntityFilter): Scope | null {
  if (query.text?.trim()) return null;
  const sets = query.filter === undefined ? [] : Array.isArray(query.filter) ? query.filter : [query.filter];
  if (sets.length > 1) return null;
  const filter = normalise(sets[0] ?? {});
  const keys = Object.keys(filter).filter((k) => filter[k as keyof EntityFilter] !== undefined);
  if (!keys.every((k) => SIMPLE_KEYS.has(k))) return null;
  const others = keys.filter((k) => k !== "kind") as Array<Column | "tag">;
  if (others.length > 1) return null;
  const scope: Scope = { kinds: filter.kind ? [...new Set(filter.kind)] : null };
  const key = others[0];
  if (key) scope.facet = { key, values: [...new Set(filter[key]!)] };
  return scope;
}

async function read(q: SqlQuery, orgId: string, kinds: string[] | null, facets: string[]) {
  return q<{ kind: string; facet: string; counts: Array<[string, number]> }>(Prisma.sql`
    SELECT kind, facet, counts FROM "CatalogFacetCount"
    WHERE "orgId" = ${orgId} AND kind = ANY(${kinds ?? [""]}::text[]) AND facet = ANY(${facets}::text[])`);
}

/** Entities matching a summary scope. A tag filter with several values could count an entity twice: not answered. */
export async function summaryTotal(q: SqlQuery, orgId: string, scope: Scope): Promise<number | null> {
  if (scope.facet?.key === "tag" && scope.facet.values.length > 1) return null;
  // Every entity has exactly one namespace, so the namespace counts add up to the entities.
  const facet = scope.facet?.key ?? "namespace";
  let total = 0;
  const wanted = scope.facet ? new Set(scope.facet.values) : null;
  for (const row of await read(q, orgId, scope.kinds, [facet])) {
    for (const [value, n] of row.counts) if (!wanted || wanted.has(value)) total += n;
  }
  return total;
}

/** Facet counts for a scope with kinds only (the catalog page's pickers); null when it has more. */
export async function summaryFacets(q: SqlQuery, orgId: string, scope: Scope, facets: FacetKey[]) {
  if (scope.facet) return null;
  const wanted = new Set(facets.map((f) => (f === "kind" ? "namespace" : f)));
  const rows = await read(q, orgId, scope.kinds, [...wanted]);
  const out = new Map<FacetKey, Map<string, number>>();
  const add = (facet: FacetKey, value: string, n: number) => {
    const counts = out.get(facet) ?? out.set(facet, new Map()).get(facet)!;
    counts.set(value, (counts.get(value) ?? 0) + n);
  };
  const result = new Map<FacetKey, FacetCount[]>();
  for (const row of rows) {
    const facet = row.facet as FacetKey;
    if (!facets.includes(facet)) continue;
    // One kind (or all, as kind ""): one row per facet, taken as it is. Several: added up.
    if (!scope.kinds || scope.kinds.length === 1) {
      result.set(
        facet,
        row.counts.map(([value, count]) => ({ value, count })),
      );
    } else {
      for (const [value, n] of row.counts) add(facet, value, n);
    }
  }
  if (facets.includes("kind")) {
    // Per-kind totals come from each kind's namespace row (every entity has one namespace).
    const perKind = scope.kinds
      ? rows.filter((r) => r.facet === "namespace")
      : await q<{ kind: string; counts: Array<[string, number]> }>(Prisma.sql`
          SELECT kind, counts FROM "CatalogFacetCount" WHERE "orgId" = ${orgId} AND kind <> '' AND facet = 'namespace'`);
    for (const row of perKind)
      add(
        "kind",
        row.kind,
        row.counts.reduce((a, [, n]) => a + n, 0),
      );
  }
  for (const [facet, counts] of out)
    result.set(
      facet,
      [...counts].map(([value, count]) => ({ value, count })),
    );
  return result;
}
