import { Prisma, type TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";
import { fuzzyMatch, searchQuery } from "./entity-filter";
import { ENTITIES } from "./entity-rows";

export const MAX_SEARCH_RESULTS = 20;

export type SearchHit = {
  ref: string;
  kind: string;
  name: string;
  title: string | null;
  description: string | null;
  owner: string | null;
  /** The owner's display name (profile displayName or title), when it has one. */
  ownerName: string | null;
};

/**
 * The header's quick search: entities whose name, title, tags or description match the
 * words (prefixes), whose name or title is close to the text (trigram similarity, for
 * typos), or whose owner's name, title or display name matches. Best matches first: exact name, then
 * full-text rank and similarity.
 */
export async function searchEntities(db: TenantDb, by: Principal, text: string, limit = 10): Promise<SearchHit[]> {
  authorize(by, "catalog.read");
  const trimmed = text.trim().toLowerCase();
  const tsquery = searchQuery(trimmed);
  if (!trimmed || !tsquery) return [];
  const take = Math.min(Math.max(1, limit), MAX_SEARCH_RESULTS);
  const q = Prisma.sql`to_tsquery('simple', ${tsquery})`;
  return db.sql.one<SearchHit>(Prisma.sql`
    WITH owners AS (
      SELECT e.ref FROM ${ENTITIES} e
      WHERE e."orgId" = ${db.orgId} AND e.kind IN ('group', 'user') AND (e.search @@ ${q} OR ${fuzzyMatch(trimmed)}
        OR lower(e.entity #>> '{spec,profile,displayName}') LIKE ${`%${trimmed.replace(/[\\%_]/g, "\\$&")}%`})
      LIMIT 50),
    hits AS (
      SELECT e.ref, ts_rank(e.search, ${q}) AS rank FROM ${ENTITIES} e
      WHERE e."orgId" = ${db.orgId} AND (e.search @@ ${q} OR ${fuzzyMatch(trimmed)})
      UNION ALL
      SELECT e.ref, 0 FROM ${ENTITIES} e WHERE e."orgId" = ${db.orgId} AND e.owner IN (SELECT ref FROM owners)),
    best AS (SELECT ref, max(rank) AS rank FROM hits GROUP BY ref)
    SELECT h.ref, h.entity->>'kind' AS kind, h.entity->'metadata'->>'name' AS name, h.title, h.description, h.owner,
      COALESCE(NULLIF(o.entity #>> '{spec,profile,displayName}', ''), o.title) AS "ownerName"
    FROM best b JOIN ${ENTITIES} h ON h."orgId" = ${db.orgId} AND h.ref = b.ref
    LEFT JOIN ${ENTITIES} o ON o."orgId" = h."orgId" AND o.ref = h.owner
    ORDER BY (h.name = ${trimmed} OR lower(coalesce(h.title, '')) = ${trimmed}) DESC,
      b.rank + greatest(similarity(h.name, ${trimmed}), similarity(lower(coalesce(h.title, '')), ${trimmed})) DESC,
      h.name, h.ref
    LIMIT ${take}`);
}
