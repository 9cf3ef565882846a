import { Prisma, type TenantDb } from "@stagedoor/db";
import { parseRefInput } from "../catalog/get-entity";
import { authorize, type UserPrincipal } from "../authz";
import { ENTITIES, SUMMARY_COLUMNS, type EntitySummary } from "../catalog/entity-rows";

/** How many recently viewed entities are kept per member (older visits are dropped). */
export const MAX_RECENT_VIEWS = 12;

/**
 * Records that the member opened an entity, then trims their list to the newest
 * MAX_RECENT_VIEWS, so the table stays bounded however much anyone browses.
 */
export async function recordEntityView(db: TenantDb, by: UserPrincipal, refInput: string): Promise<void> {
  authorize(by, "catalog.read");
  const userId = by.userId;
  const ref = parseRefInput(refInput);
  await db.sql(async (q) => {
    // "viewedAt" holds milliseconds: two views within one millisecond would tie and the
    // newer could sort below the older, so a view is always stamped after the member's last.
    await q(Prisma.sql`
      INSERT INTO "CatalogRecentView" ("orgId", "userId", "entityRef", "viewedAt")
      SELECT ${db.orgId}, ${userId}, ${ref}, GREATEST(now(), (
        SELECT max("viewedAt") + interval '1 millisecond' FROM "CatalogRecentView"
        WHERE "orgId" = ${db.orgId} AND "userId" = ${userId}))
      WHERE EXISTS (SELECT 1 FROM ${ENTITIES} e WHERE e.ref = ${ref})
      ON CONFLICT ("orgId", "userId", "entityRef") DO UPDATE SET "viewedAt" = EXCLUDED."viewedAt"`);
    await q(Prisma.sql`
      DELETE FROM "CatalogRecentView" WHERE "orgId" = ${db.orgId} AND "userId" = ${userId} AND "entityRef" NOT IN (
        SELECT "entityRef" FROM "CatalogRecentView" WHERE "orgId" = ${db.orgId} AND "userId" = ${userId}
        ORDER BY "viewedAt" DESC, "entityRef" LIMIT ${MAX_RECENT_VIEWS})`);
  });
}

/** The member's recently viewed entities that still exist, newest first. */
export async function listRecentViews(
  db: TenantDb,
  userId: string,
): Promise<Array<EntitySummary & { viewedAt: Date }>> {
  return db.sql.one<EntitySummary & { viewedAt: Date }>(Prisma.sql`
    SELECT ${SUMMARY_COLUMNS}, v."viewedAt" FROM "CatalogRecentView" v
    JOIN ${ENTITIES} e ON e."orgId" = v."orgId" AND e.ref = v."entityRef"
    WHERE v."orgId" = ${db.orgId} AND v."userId" = ${userId}
    ORDER BY v."viewedAt" DESC, e.ref LIMIT ${MAX_RECENT_VIEWS}`);
}
