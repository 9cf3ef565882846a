import { DEFAULT_ORPHAN_GRACE_HOURS, STALE_INVITATION_DAYS } from "@stagedoor/core/limits";
import { z } from "zod";

/** Queue names and job payloads, parsed with zod at the edge of every processor. */
export const MAINTENANCE_QUEUE = "maintenance";

export const maintenanceJobs = {
  "sessions.purgeExpired": z.object({}),
  "invitations.purgeStale": z.object({ olderThanDays: z.number().int().min(1).default(STALE_INVITATION_DAYS) }),
  "catalog.purgeOrphans": z.object({ graceHours: z.number().min(0).default(DEFAULT_ORPHAN_GRACE_HOURS) }),
} as const;

export type MaintenanceJobName = keyof typeof maintenanceJobs;
