import { RELATION_MEMBER_OF } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { ENTITIES, SUMMARY_COLUMNS, type EntitySummary } from "./entity-rows";
import type { FacetCount } from "./entity-facets";
import { parseRefInput } from "./get-entity";
import { authorize, type Principal } from "../authz";

export type Ownership = {
  owner: string;
  /** The refs whose entities count as owned: the owner, and for a user the groups they belong to. */
  owners: string[];
  items: Array<EntitySummary & { ownedVia: string }>;
  total: number;
  byKind: FacetCount[];
};

export const MAX_OWNERSHIP_ITEMS = 1000;

/**
 * What a group or user owns, by spec.owner (the ownedBy relation). For a user this
 * includes what the groups they are a member of own, as Backstage's ownership card does.
 */
export async function getOwnership(
  db: TenantDb,
  by: Principal,
  refInput: string,
  { limit = 200 }: { limit?: number } = {},
): Promise<Ownership> {
  authorize(by, "catalog.read");
  const owner = parseRefInput(refInput);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OWNERSHIP_ITEMS) {
    throw new AppError("BAD_REQUEST", `Ask for 1-${MAX_OWNERSHIP_ITEMS} entities.`, { limit: "Out of range." });
  }
  return db.sql(async (q) => {
    const groups = owner.startsWith("user:")
      ? await q<{ ref: string }>(Prisma.sql`
          SELECT DISTINCT "targetRef" AS ref FROM "CatalogRelation"
          WHERE "orgId" = ${db.orgId} AND "sourceRef" = ${owner} AND type = ${RELATION_MEMBER_OF}
          ORDER BY 1`)
      : [];
    const owners = [owner, ...groups.map((g) => g.ref)];
    const items = await q<EntitySummary & { ownedVia: string }>(Prisma.sql`
      SELECT ${SUMMARY_COLUMNS}, e.owner AS "ownedVia" FROM ${ENTITIES} e
      WHERE e."orgId" = ${db.orgId} AND e.owner = ANY(${owners}::text[])
      ORDER BY e.kind, e.name, e.ref LIMIT ${limit}`);
    const byKind = await q<FacetCount>(Prisma.sql`
      SELECT e.entity->>'kind' AS value, count(*)::int AS count FROM ${ENTITIES} e
      WHERE e."orgId" = ${db.orgId} AND e.owner = ANY(${owners}::text[])
      GROUP BY 1 ORDER BY 2 DESC, 1`);
    return { owner, owners, items, total: byKind.reduce((n, k) => n + k.count, 0), byKind };
  });
}
