import { Prisma, type TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";
import { facetRelationType, fieldPath, valuesAt } from "./backstage-fields";
import { whereClause, type EntityFilter } from "./entity-filter";
import { ENTITIES } from "./entity-rows";
import type { FacetCount } from "./facet-keys";

/** How many facets one request may ask for. */
export const MAX_BACKSTAGE_FACETS = 20;

// Counting values as written reads every matching entity's JSON (tens of milliseconds per
// ten thousand entities), where the portal's lowercase facets read precounted rows. Tools
// ask the same facets again and again, so answers are kept per process and reused while
// the org's catalog is unchanged. "Unchanged" is checked on every request in one cheap
// round trip: the newest entity change (updatedAt, indexed) and the org's facet-count rows
// (rewritten whenever entities are created, changed or deleted). Answers are therefore as
// fresh as the portal's own facet counts.
const MAX_CACHED = 1000;
const cache = new Map<string, { version: string; facets: Record<string, FacetCount[]> }>();

async function catalogVersion(db: TenantDb): Promise<string> {
  const [row] = await db.sql.one<{ v: string }>(Prisma.sql`
    SELECT concat_ws(':',
      (SELECT max(e."updatedAt")::text FROM ${ENTITIES} e WHERE e."orgId" = ${db.orgId}),
      (SELECT md5(string_agg(f.kind || '/' || f.facet || '/' || f.xmin::text, ',' ORDER BY f.kind, f.facet))
         FROM "CatalogFacetCount" f WHERE f."orgId" = ${db.orgId})) AS v`);
  return row!.v;
}

/**
 * Backstage's /entity-facets: for each field, the values as written (`group:team-a`,
 * `Component`) and how many matching entities have each, for any field (relations.<type>
 * counts relation targets). Values that differ only in case are counted apart, as
 * Backstage groups by the original value. The portal's pickers use `entityFacets`
 * (lowercase, from the precounted summary) instead.
 */
/** The answer may be shared with other requests (it is cached): read it, do not change it. */
export async function backstageFacets(
  db: TenantDb,
  by: Principal,
  input: { facets: string[]; filter?: EntityFilter[] },
): Promise<Readonly<Record<string, readonly FacetCount[]>>> {
  authorize(by, "catalog.read");
  const facets = [...new Set(input.facets)];
  const key = JSON.stringify([db.orgId, facets, input.filter ?? null]);
  const version = await catalogVersion(db);
  const cached = cache.get(key);
  if (cached?.version === version) return cached.facets;
  const counted = await countFacets(db, facets, input.filter);
  cache.delete(key);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, { version, facets: counted });
  return counted;
}

async function countFacets(db: TenantDb, facets: string[], filter: EntityFilter[] | undefined) {
  const where = whereClause(db.orgId, { filter });
  const fields = facets.map((f, i) => ({ i, f, relation: facetRelationType(f) }));
  const parts: Prisma.Sql[] = [];
  const plain = fields.filter((f) => f.relation === null);
  if (plain.length) {
    // One pass over the matching entities for every field facet. UNION (not ALL) counts a
    // value listed twice in one entity once, as Backstage's search rows do.
    const columns = plain.map(
      ({ i, f }) => Prisma.sql`SELECT ${i}::int AS i, v FROM ${valuesAt(fieldPath(f))} AS x(v)`,
    );
    parts.push(Prisma.sql`
      SELECT f.i, f.v AS value, count(*)::int AS count
      FROM ${ENTITIES} e CROSS JOIN LATERAL (${Prisma.join(columns, " UNION ")}) AS f
      WHERE ${where} GROUP BY f.i, f.v`);
  }
  for (const { i, relation } of fields) {
    if (relation === null) continue;
    parts.push(Prisma.sql`
      SELECT ${i}::int AS i, r."targetRef" AS value, count(DISTINCT e.id)::int AS count
      FROM ${ENTITIES} e JOIN "CatalogRelation" r ON r."orgId" = e."orgId" AND r."sourceRef" = e.ref
      WHERE ${where} AND lower(r.type) = ${relation} GROUP BY r."targetRef"`);
  }
  const out: Record<string, FacetCount[]> = Object.fromEntries(facets.map((f) => [f, []]));
  if (parts.length === 0) return out;
  const rows = await db.sql.one<{ i: number; value: string; count: number }>(Prisma.join(parts, " UNION ALL "));
  for (const row of rows) out[facets[row.i]!]!.push({ value: row.value, count: row.count });
  // Most common first, then code-point order (Backstage leaves the order to the database).
  for (const list of Object.values(out))
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out;
}
