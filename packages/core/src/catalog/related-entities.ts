import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";
import { ENTITIES, SUMMARY_COLUMNS, type EntitySummary } from "./entity-rows";
import { parseRefInput } from "./get-entity";

/** A related entity as the kind pages' cards show it (owner, type, lifecycle, description). */
export type RelatedEntity = EntitySummary & { relation: string };

export type RelatedEntities = {
  /** By relation type from the entity (hasMember, providesApi, hasPart, ...), entities sorted by name. */
  byType: Record<string, RelatedEntity[]>;
  /** Some relation had more entities than the limit; the cards say so. */
  truncated: boolean;
};

export const MAX_RELATED_ENTITIES = 1000;

/**
 * The entities this entity's relation rows point at, with their summaries, for the kind
 * pages: a Group's members and child groups, a System's parts, an API's providers and
 * consumers, a Component's APIs. One indexed query over the relation rows (both directions
 * are stored); dangling targets are left out (the Relations card lists them).
 */
export async function getRelatedEntities(
  db: TenantDb,
  by: Principal,
  refInput: string,
  { types, limit = 300 }: { types?: string[]; limit?: number } = {},
): Promise<RelatedEntities> {
  authorize(by, "catalog.read");
  const ref = parseRefInput(refInput);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RELATED_ENTITIES) {
    throw new AppError("BAD_REQUEST", `Ask for 1-${MAX_RELATED_ENTITIES} entities.`, { limit: "Out of range." });
  }
  const wanted = types?.length ? types : null;
  return db.sql(async (q) => {
    const [exists] = await q(Prisma.sql`SELECT 1 FROM ${ENTITIES} e WHERE "orgId" = ${db.orgId} AND ref = ${ref}`);
    if (!exists) throw new AppError("NOT_FOUND", `No entity ${ref} in this catalog.`);
    // Per relation type at most `limit` rows (+1 to know there were more).
    const rows = await q<RelatedEntity & { rank: number }>(Prisma.sql`
      SELECT * FROM (
        SELECT ${SUMMARY_COLUMNS}, r.type AS relation,
          row_number() OVER (PARTITION BY r.type ORDER BY e.name, e.ref)::int AS rank
        FROM (SELECT DISTINCT type, "targetRef" FROM "CatalogRelation"
              WHERE "orgId" = ${db.orgId} AND "sourceRef" = ${ref}
                ${wanted ? Prisma.sql`AND type = ANY(${wanted}::text[])` : Prisma.empty}) r
        JOIN ${ENTITIES} e ON e."orgId" = ${db.orgId} AND e.ref = r."targetRef"
      ) x WHERE rank <= ${limit + 1}
      ORDER BY relation, rank`);
    const byType: Record<string, RelatedEntity[]> = {};
    let truncated = false;
    for (const { rank, ...row } of rows) {
      if (rank > limit) {
        truncated = true;
        continue;
      }
      (byType[row.relation] ??= []).push(row);
    }
    return { byType, truncated };
  });
}
