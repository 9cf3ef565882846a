import { Prisma, type PrismaTypes, type SqlQuery } from "@stagedoor/db";
import type { EntityFilter, EntityQuery } from "./entity-filter";
import type { FacetCount, FacetKey } from "./facet-keys";

// CatalogFacetCount: per org, kind and facet column, [[value, count], ...] as JSON in the
// order facets are shown (count descending, then value), plus the same over all kinds
// under kind "". Exact, because every transaction that changes the
// org's entities recounts the kinds it touched; small: one row per kind and facet.

type Tx = PrismaTypes.TransactionClient;
type Column = Exclude<FacetKey, "kind" | "tag">;
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
