import {
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  matcherOf,
  type EntityMatcher,
} from "@stagedoor/connectors";
import { Prisma, type TenantDb } from "@stagedoor/db";

export type MatchedEntity = { ref: string; matcher: EntityMatcher };
export type EntityBatch = {
  entities: MatchedEntity[];
  invalid: Array<{ ref: string; message: string }>;
  lastRef: string | null;
  size: number;
};

/**
 * The next entities (by ref, after `cursor`) that carry a Kubernetes annotation, with
 * their matchers. Read with the JSONB `?` operator, so entities without one cost nothing.
 */
export async function nextEntityBatch(db: TenantDb, cursor: string | null, limit: number): Promise<EntityBatch> {
  const rows = await db.sql.one<{ ref: string; annotations: Record<string, string> | null }>(Prisma.sql`
    SELECT "ref", "entity"->'metadata'->'annotations' AS "annotations"
    FROM "CatalogEntity"
    WHERE "orgId" = ${db.orgId} AND "ref" > ${cursor ?? ""}
      AND ("entity"->'metadata'->'annotations' ? ${KUBERNETES_ID_ANNOTATION}
        OR "entity"->'metadata'->'annotations' ? ${KUBERNETES_LABEL_SELECTOR_ANNOTATION})
    ORDER BY "ref"
    LIMIT ${limit}`);
  const entities: MatchedEntity[] = [];
  const invalid: EntityBatch["invalid"] = [];
  for (const row of rows) {
    const matcher = matcherOf(row.annotations ?? {});
    if (matcher === null) continue;
    if ("error" in matcher) invalid.push({ ref: row.ref, message: matcher.error });
    else entities.push({ ref: row.ref, matcher });
  }
  return { entities, invalid, lastRef: rows.at(-1)?.ref ?? null, size: rows.length };
}
