import { KNOWN_KIND_NAMES } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { normaliseFilter, whereClause, type EntityQuery } from "./entity-filter";
import { summaryFacets, summaryScope } from "./facet-summary";
import { ENTITIES } from "./entity-rows";
import { FACET_KEYS, type EntityFacets, type FacetCount, type FacetKey } from "./facet-keys";
import { authorize, type Principal } from "../authz";

export { FACET_KEYS, type EntityFacets, type FacetCount, type FacetKey };

const COLUMN: Record<Exclude<FacetKey, "tag">, string> = {
  kind: "kind",
  namespace: "namespace",
  type: "type",
  lifecycle: "lifecycle",
  owner: "owner",
  system: "system",
};

// Kinds are stored lowercase for case-insensitive filters; Backstage spells them like this.
const KIND_NAMES = new Map(KNOWN_KIND_NAMES.map((k) => [k.toLowerCase(), k]));

/**
 * Counts per value of each facet among the entities matching the query. With no filter or
 * kinds only (the catalog page's pickers) they come from CatalogFacetCount. Otherwise the
 * column facets are one GROUPING SETS aggregation (one pass over the matching rows,
 * index-only on the facets index) and tags, an array, a second statement.
 */
export async function entityFacets(
  db: TenantDb,
  by: Principal,
  input: EntityQuery & { facets: FacetKey[] },
): Promise<EntityFacets> {
  authorize(by, "catalog.read");
  const facets = [...new Set(input.facets)];
  const out: EntityFacets = Object.fromEntries(facets.map((f) => [f, [] as FacetCount[]]));
  const columns = facets.filter((f): f is Exclude<FacetKey, "tag"> => f !== "tag");
  const where = whereClause(db.orgId, input);
  const scope = summaryScope(input, normaliseFilter);
  await db.sql(async (q) => {
    const summary = scope && facets.length ? await summaryFacets(q, db.orgId, scope, facets) : null;
    if (summary) {
      for (const [facet, counts] of summary) {
        out[facet] =
          facet === "kind" ? counts.map((c) => ({ ...c, value: KIND_NAMES.get(c.value) ?? c.value })) : counts;
      }
      return;
    }
    if (columns.length) {
      const cols = columns.map((f) => Prisma.raw(`e."${COLUMN[f]}"`));
      const rows = await q<Record<string, string | number | null>>(Prisma.sql`
        SELECT ${Prisma.join(cols)}, count(*)::int AS count, GROUPING(${Prisma.join(cols)})::int AS grouping
        FROM ${ENTITIES} e WHERE ${where}
        GROUP BY GROUPING SETS (${Prisma.join(cols.map((c) => Prisma.sql`(${c})`))})`);
      for (const row of rows) {
        // GROUPING sets a bit for every column aggregated away: the facet is the one left.
        const i = columns.findIndex((_, k) => ((row.grouping as number) & (1 << (columns.length - 1 - k))) === 0);
        const facet = columns[i]!;
        const value = row[COLUMN[facet]];
        if (typeof value !== "string") continue;
        out[facet]!.push({
          value: facet === "kind" ? (KIND_NAMES.get(value) ?? value) : value,
          count: row.count as number,
        });
      }
    }
    if (facets.includes("tag")) {
      out.tag = await q<FacetCount>(Prisma.sql`
        SELECT t AS value, count(*)::int AS count FROM ${ENTITIES} e, unnest(e.tags) AS t
        WHERE ${where} GROUP BY t`);
    }
  });
  // Code-point order for ties: localeCompare costs ten times more on thousands of owners.
  for (const list of Object.values(out))
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return out;
}
