import { z } from "zod";

/** Queue names and job payloads, parsed with zod at the edge of every processor. */
export const MAINTENANCE_QUEUE = "maintenance";

export const maintenanceJobs = {
  "sessions.purgeExpired": z.object({}),
  "invitations.purgeStale": z.object({ olderThanDays: z.number().int().min(1).default(30) }),
  "catalog.purgeOrphans": z.object({ graceHours: z.number().min(0).default(24) }),
} as const;

export type MaintenanceJobName = keyof typeof maintenanceJobs;
