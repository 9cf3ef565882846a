import type { Database } from "@stagedoor/db";
import { maintenanceJobs, type MaintenanceJobName } from "../queues";
import { purgeCatalogOrphans } from "./purge-catalog-orphans";

/**
 * Housekeeping across all orgs, so it runs on the explicit admin client: expired
 * Auth.js sessions, invitations that ended (expired, used or revoked) long ago, and
 * catalog entities orphaned longer than the grace period.
 */
export async function runMaintenanceJob(db: Database, name: string, data: unknown) {
  if (!(name in maintenanceJobs)) throw new Error(`Unknown maintenance job "${name}"`);
  const job = name as MaintenanceJobName;
  switch (job) {
    case "sessions.purgeExpired": {
      maintenanceJobs[job].parse(data);
      const { count } = await db.admin.session.deleteMany({ where: { expires: { lt: new Date() } } });
      return { deleted: count };
    }
    case "invitations.purgeStale": {
      const { olderThanDays } = maintenanceJobs[job].parse(data);
      const cutoff = new Date(Date.now() - olderThanDays * 24 * 3600 * 1000);
      const { count } = await db.admin.invitation.deleteMany({
        where: { OR: [{ expiresAt: { lt: cutoff } }, { acceptedAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
      });
      return { deleted: count };
    }
    case "catalog.purgeOrphans": {
      const { graceHours } = maintenanceJobs[job].parse(data);
      return purgeCatalogOrphans(db, graceHours);
    }
  }
}
