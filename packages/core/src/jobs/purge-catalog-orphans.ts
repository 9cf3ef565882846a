import { orgsWithExpiredOrphans, orphanCutoff, purgeOrphanedEntities } from "../catalog";
import type { Database } from "@stagedoor/db";

/**
 * Finds the orgs with orphans past the grace period (the one cross-org read, as admin),
 * then deletes each org's through its own tenant-bound client, one org at a time so a
 * big catalog cannot hold everyone else's purge behind one long transaction.
 */
export async function purgeCatalogOrphans(db: Database, graceHours: number) {
  const cutoff = orphanCutoff(graceHours);
  let deleted = 0;
  const orgs = await orgsWithExpiredOrphans(db, cutoff);
  for (const orgId of orgs) {
    deleted += (await purgeOrphanedEntities(db.forOrg(orgId), cutoff)).deleted.length;
  }
  return { orgs: orgs.length, deleted };
}
