import { z } from "zod";
import type { SyncQueue } from "../../queue/sync-jobs";

/**
 * GitHub's own jobs besides its sync steps: the targeted work webhooks ask for. Names,
 * payloads and deterministic ids; the handlers are in jobs.ts.
 */
const id = z.string().min(1).max(100);

export const SYNC_REPOSITORY_JOB = "github.syncRepository";
/** A webhook said one repository changed: re-read it, or empty its source when it is gone. */
export const repositoryJobPayload = z.object({
  orgId: id,
  integrationId: id,
  repository: z.object({ id: z.number().int().positive(), fullName: z.string().min(3).max(300) }),
  action: z.enum(["sync", "remove"]),
  deliveryId: z.string().min(1).max(100),
});

export const SYNC_TEAMS_JOB = "github.syncTeams";
/** Teams or memberships changed: re-read teams and members. */
export const teamsJobPayload = z.object({ orgId: id, integrationId: id });

export type RepositoryJob = z.infer<typeof repositoryJobPayload>;
export type TeamsJob = z.infer<typeof teamsJobPayload>;

// BullMQ refuses ":" in custom job ids (it is its own key separator), hence dots.
export const githubJobIds = {
  repository: (job: RepositoryJob) =>
    `github-repo.${job.integrationId}.${job.repository.id}.${job.action}.${job.deliveryId}`,
  /** One teams sync per integration and time window: a burst of membership events is one sync. */
  teams: (integrationId: string, windowStart: number) => `github-teams.${integrationId}.${windowStart}`,
} as const;

export function enqueueRepository(queue: SyncQueue, job: RepositoryJob): Promise<void> {
  return queue.enqueue(SYNC_REPOSITORY_JOB, job, { jobId: githubJobIds.repository(job) });
}

/** Coalesced: every call within `windowMs` lands in the same job, run when the window ends. */
export function enqueueTeams(queue: SyncQueue, job: TeamsJob, windowMs: number, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  return queue.enqueue(SYNC_TEAMS_JOB, job, {
    jobId: githubJobIds.teams(job.integrationId, windowStart),
    delayMs: windowStart + windowMs - now,
  });
}
