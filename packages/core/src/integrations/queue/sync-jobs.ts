import { z } from "zod";

/**
 * The integrations queue: job names, payloads and ids, shared by the producers (web:
 * "Sync now", webhooks; worker: next steps) and the processors (worker). Payloads carry ids
 * only; processors re-read the org's integration and sync run from the database.
 */
export const INTEGRATIONS_QUEUE = "integrations";

const id = z.string().min(1).max(100);

export const syncJobs = {
  /** A scheduler tick: start a sync of one integration unless one is already going. */
  "github.sync": z.object({ orgId: id, integrationId: id }),
  /** One bounded step of a sync run (see apps/worker/src/jobs/github-sync.ts for the design). */
  "github.syncStep": z.object({ orgId: id, integrationId: id, syncRunId: id, step: z.number().int().min(0) }),
  /** A webhook said one repository changed: re-read it, or empty its source when it is gone. */
  "github.syncRepository": z.object({
    orgId: id,
    integrationId: id,
    repository: z.object({ id: z.number().int().positive(), fullName: z.string().min(3).max(300) }),
    action: z.enum(["sync", "remove"]),
    deliveryId: z.string().min(1).max(100),
  }),
  /** Teams or memberships changed: re-read teams and members. */
  "github.syncTeams": z.object({ orgId: id, integrationId: id }),
  /** Make Redis agree with the database: schedulers and in-flight runs. */
  "integrations.reconcile": z.object({}),
} as const;

export type SyncJobName = keyof typeof syncJobs;
export type SyncJobData<N extends SyncJobName> = z.infer<(typeof syncJobs)[N]>;
export type SyncStepJob = SyncJobData<"github.syncStep">;
export type RepositoryJob = SyncJobData<"github.syncRepository">;
export type TeamsJob = SyncJobData<"github.syncTeams">;

export function parseSyncJob<N extends SyncJobName>(name: N, data: unknown): SyncJobData<N> {
  return syncJobs[name].parse(data) as SyncJobData<N>;
}

export const isSyncJobName = (name: string): name is SyncJobName => Object.hasOwn(syncJobs, name);

// BullMQ refuses ":" in custom job ids (it is its own key separator), hence dots.
export const jobIds = {
  scheduler: (integrationId: string) => `github-sync.${integrationId}`,
  step: (syncRunId: string, step: number) => `github-step.${syncRunId}.${step}`,
  repository: (job: RepositoryJob) =>
    `github-repo.${job.integrationId}.${job.repository.id}.${job.action}.${job.deliveryId}`,
  /** One teams sync per integration and time window: a burst of membership events is one sync. */
  teams: (integrationId: string, windowStart: number) => `github-teams.${integrationId}.${windowStart}`,
} as const;

export const SCHEDULER_PREFIX = "github-sync.";

/** What the domain needs from the queue; apps/worker and apps/web pass the BullMQ one. */
export type SyncQueue = {
  enqueueStep(job: SyncStepJob, options?: { delayMs?: number }): Promise<void>;
  enqueueRepository(job: RepositoryJob): Promise<void>;
  /** Coalesced: every call within `windowMs` lands in the same job, run when the window ends. */
  enqueueTeams(job: TeamsJob, windowMs: number): Promise<void>;
  upsertSchedule(schedule: { orgId: string; integrationId: string; intervalMinutes: number }): Promise<void>;
  removeSchedule(integrationId: string): Promise<void>;
};
