import { z } from "zod";
import { DEFAULT_ORPHAN_GRACE_HOURS, STALE_INVITATION_DAYS } from "../limits";
import { defineJob, MAINTENANCE_QUEUE } from "./define-job";
import { purgeCatalogOrphans } from "./purge-catalog-orphans";

const HOUR = 60 * 60 * 1000;
const retried = { attempts: 3, backoff: { type: "exponential", delay: 5000 } } as const;

/**
 * Housekeeping across all orgs, so it runs on the explicit admin client: expired Auth.js
 * sessions (and unanswered SAML requests), invitations that ended long ago, and catalog entities orphaned longer than the
 * grace period.
 */
export const purgeExpiredSessions = defineJob({
  name: "sessions.purgeExpired",
  queue: MAINTENANCE_QUEUE,
  payload: z.object({}),
  schedule: { every: HOUR, payload: () => ({}) },
  async handle(_payload, { db }) {
    const now = new Date();
    const { count } = await db.admin.session.deleteMany({ where: { expires: { lt: now } } });
    // SAML sign-ins nobody finished: their request ids can no longer be answered anyway.
    const saml = await db.admin.samlRequest.deleteMany({ where: { expiresAt: { lt: now } } });
    return { deleted: count, samlRequests: saml.count };
  },
});

export const purgeStaleInvitations = defineJob({
  name: "invitations.purgeStale",
  queue: MAINTENANCE_QUEUE,
  payload: z.object({ olderThanDays: z.number().int().min(1).default(STALE_INVITATION_DAYS) }),
  schedule: { every: 6 * HOUR, payload: () => ({ olderThanDays: STALE_INVITATION_DAYS }) },
  options: retried,
  async handle({ olderThanDays }, { db }) {
    const cutoff = new Date(Date.now() - olderThanDays * 24 * HOUR);
    const { count } = await db.admin.invitation.deleteMany({
      where: { OR: [{ expiresAt: { lt: cutoff } }, { acceptedAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
    });
    return { deleted: count };
  },
});

export const purgeOrphans = defineJob({
  name: "catalog.purgeOrphans",
  queue: MAINTENANCE_QUEUE,
  payload: z.object({ graceHours: z.number().min(0).default(DEFAULT_ORPHAN_GRACE_HOURS) }),
  schedule: { every: HOUR, payload: (settings) => ({ graceHours: settings.orphanGraceHours }) },
  options: retried,
  handle: ({ graceHours }, { db }) => purgeCatalogOrphans(db, graceHours),
});

export const maintenanceJobs = [purgeExpiredSessions, purgeStaleInvitations, purgeOrphans] as const;
