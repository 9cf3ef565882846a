import { Prisma, type Database, type TenantDb } from "@stagedoor/db";
import { refreshFacetCounts } from "./facet-summary";
import { lockOrgCatalog } from "./ingestion-state";

// TIMESTAMP(3) columns hold UTC; an ISO string converted in SQL cannot pick up the
// process's time zone on the way.
const utc = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export const orphanCutoff = (graceHours: number, now = new Date()) => new Date(now.getTime() - graceHours * 3600_000);

/**
 * Which orgs have orphans older than the cutoff: the one cross-org read of the purge job,
 * answered from the orphanedAt index without touching any entity's content.
 */
export async function orgsWithExpiredOrphans(db: Database, cutoff: Date): Promise<string[]> {
  const rows = await db.admin.sql.one<{ orgId: string }>(Prisma.sql`
    SELECT DISTINCT "orgId" FROM "CatalogEntity" WHERE "orphanedAt" < ${utc(cutoff)}`);
  return rows.map((r) => r.orgId);
}

/**
 * Deletes the org's entities orphaned before the cutoff. Relations they emitted go with
 * them (the catalog_entity_deleted trigger); relations other entities emitted towards
 * them stay, and now read as dangling, as in Backstage. Serialised with ingestion.
 */
export async function purgeOrphanedEntities(db: TenantDb, cutoff: Date): Promise<{ deleted: string[] }> {
  const rows = await db.transaction(async (tx) => {
    await lockOrgCatalog(tx, db.orgId);
    const deleted = await tx.$queryRaw<Array<{ ref: string; kind: string }>>`
      DELETE FROM "CatalogEntity" WHERE "orgId" = ${db.orgId} AND "orphanedAt" < ${utc(cutoff)}
      RETURNING ref, kind`;
    await refreshFacetCounts(tx, db.orgId, [...new Set(deleted.map((d) => d.kind))]);
    return deleted;
  });
  return { deleted: rows.map((r) => r.ref).sort() };
}
