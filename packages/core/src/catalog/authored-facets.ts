import { Prisma, type TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";
import { facetRelationType, fieldPath, valuesAt } from "./backstage-fields";
import { whereClause, type EntityFilter } from "./entity-filter";
import { ENTITIES } from "./entity-rows";
import type { FacetCount } from "./facet-keys";

/** How many facets one request may ask for. */
export const MAX_BACKSTAGE_FACETS = 20;

/**
 * Backstage's /entity-facets: for each field, the values as written (`group:team-a`,
 * `Component`) and how many matching entities have each, for any field (relations.<type>
 * counts relation targets). Values that differ only in case are counted apart, as
 * Backstage groups by the original value. The portal's pickers use `entityFacets`
 * (lowercase, from the precounted summary) instead.
 */
export async function backstageFacets(
  db: TenantDb,
  by: Principal,
  input: { facets: string[]; filter?: EntityFilter[] },
): Promise<Record<string, FacetCount[]>> {
  authorize(by, "catalog.read");
  const facets = [...new Set(input.facets)];
  const where = whereClause(db.orgId, { filter: input.filter });
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
