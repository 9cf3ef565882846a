/**
 * GitHub sync jobs, and how they stay fair between orgs.
 *
 * One BullMQ queue ("integrations") carries every org's sync work, FIFO. A sync never runs
 * as one long job: it is a chain of bounded steps (one discovery page of up to 100
 * repositories, or the teams, or 100 repositories' CI runs). A step saves its checkpoint in
 * SyncRun and then enqueues the next step at the tail of the queue, so each running sync
 * has at most one job in the queue at any time. With N syncs in progress the workers serve
 * them round-robin: a 5,000-repository sync (50+ steps) and a 20-repository sync started
 * just after it interleave step by step, and the small one finishes after a handful of the
 * big one's steps instead of after all of them.
 *
 * Webhooks can still put many jobs of one org in the queue at once (a push storm), so each
 * job also takes one of its org's slots (a Redis lease, SYNC_ORG_CONCURRENCY per org across all
 * worker processes). A job that finds its org's slots taken is moved back to the tail
 * (delayed briefly) without calling GitHub, which is cheap, so other orgs' jobs behind it
 * are reached quickly and one org never occupies more than SYNC_ORG_CONCURRENCY workers.
 *
 * Rate limits: a step that hits GitHub's limit marks its run "paused" (pausedUntil) and its
 * own job is moved to the delayed set until the reset, then resumes from the checkpoint:
 * no failed run, no requests while the limit is spent.
 *
 * Crashes: a step's writes are idempotent (ingestion skips unchanged entities; runs are
 * upserted by id) and its checkpoint commits only if the run is still at that step. If a
 * worker dies mid-step, BullMQ's stalled-job check hands the job to another worker, which
 * redoes that one step; if it dies after committing but before enqueueing the next step,
 * the retried job sees the checkpoint moved on ("stale") and enqueues the next step itself,
 * whose deterministic job id makes a duplicate impossible. Nothing is lost, nothing doubles.
 */
import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import {
  failRun,
  noteSyncRetry,
  isSyncJobName,
  parseSyncJob,
  runSyncStep,
  startScheduledSync,
  syncRepository,
  syncTeamsOnly,
  type BullSyncQueue,
  type IntegrationDeps,
  type StepOutcome,
  type SyncRuntime,
  type TargetedOutcome,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import type { OrgSlots } from "../sync/org-slots";
import { reconcileIntegrations } from "../sync/reconcile";

export type SyncJobContext = {
  db: Database;
  deps: IntegrationDeps;
  queue: BullSyncQueue;
  slots: OrgSlots;
  runtime: SyncRuntime;
  /** How long a job whose org has no free slot waits before it is looked at again. */
  orgBusyDelayMs: number;
};

// A second after the advertised reset, so the first request of the resumed step is not early.
const RESUME_MARGIN_MS = 1_000;

/** A sync run id derived from the job id: a retried job finds the run its first attempt made. */
export const runIdForJob = (prefix: string, job: Job) => `${prefix}-${String(job.id).replace(/[^A-Za-z0-9_.-]/g, "-")}`;

export async function processSyncJob(ctx: SyncJobContext, job: Job, token?: string): Promise<unknown> {
  if (!isSyncJobName(job.name)) throw new UnrecoverableError(`Unknown integrations job "${job.name}"`);
  switch (job.name) {
    case "integrations.reconcile":
      parseSyncJob("integrations.reconcile", job.data);
      return reconcileIntegrations(ctx.db, ctx.queue);
    case "github.sync": {
      const data = parseSyncJob("github.sync", job.data);
      return startScheduledSync(ctx.db.forOrg(data.orgId), ctx.queue, data.integrationId, runIdForJob("sched", job));
    }
    case "github.syncStep": {
      const data = parseSyncJob("github.syncStep", job.data);
      const outcome = await withOrgSlot(ctx, job, token, data.orgId, () =>
        runSyncStep(ctx.db.forOrg(data.orgId), ctx.deps, data, ctx.runtime),
      ).catch(failRunOnLastAttempt(ctx, job, data.orgId, data.syncRunId));
      return afterStep(ctx, job, token, data, outcome);
    }
    case "github.syncRepository": {
      const data = parseSyncJob("github.syncRepository", job.data);
      const runId = runIdForJob("wh", job);
      const outcome = await withOrgSlot(ctx, job, token, data.orgId, () =>
        syncRepository(ctx.db.forOrg(data.orgId), ctx.deps, data, runId, ctx.runtime),
      ).catch(failRunOnLastAttempt(ctx, job, data.orgId, runId));
      return afterTargeted(job, token, outcome);
    }
    case "github.syncTeams": {
      const data = parseSyncJob("github.syncTeams", job.data);
      const runId = runIdForJob("wh", job);
      const outcome = await withOrgSlot(ctx, job, token, data.orgId, () =>
        syncTeamsOnly(ctx.db.forOrg(data.orgId), ctx.deps, data, runId, ctx.runtime),
      ).catch(failRunOnLastAttempt(ctx, job, data.orgId, runId));
      return afterTargeted(job, token, outcome);
    }
  }
}

async function withOrgSlot<T>(
  ctx: SyncJobContext,
  job: Job,
  token: string | undefined,
  orgId: string,
  work: () => Promise<T>,
) {
  const holder = String(job.id);
  if (!(await ctx.slots.acquire(orgId, holder))) {
    await delay(job, token, Date.now() + ctx.orgBusyDelayMs);
  }
  try {
    return await work();
  } finally {
    await ctx.slots.release(orgId, holder);
  }
}

async function afterStep(
  ctx: SyncJobContext,
  job: Job,
  token: string | undefined,
  data: { orgId: string; integrationId: string; syncRunId: string },
  outcome: StepOutcome,
): Promise<StepOutcome> {
  switch (outcome.kind) {
    case "continue":
    case "stale":
      // To the tail of the queue: other orgs' steps go first (see the top of this file).
      await ctx.queue.enqueueStep({ ...data, step: outcome.step });
      return outcome;
    case "paused":
      return delay(job, token, outcome.until.getTime() + RESUME_MARGIN_MS);
    default:
      return outcome;
  }
}

async function afterTargeted(job: Job, token: string | undefined, outcome: TargetedOutcome): Promise<TargetedOutcome> {
  if (outcome.kind === "paused") return delay(job, token, outcome.until.getTime() + RESUME_MARGIN_MS);
  return outcome;
}

/** Puts this same job back until `at` (BullMQ then re-queues it at the tail). */
async function delay(job: Job, token: string | undefined, at: number): Promise<never> {
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}

/**
 * When retries are spent, the run is marked failed so the UI does not show it running
 * forever; before that, it says which attempt failed and when the next one starts.
 */
function failRunOnLastAttempt(ctx: SyncJobContext, job: Job, orgId: string, runId: string) {
  return async (error: unknown): Promise<never> => {
    if (error instanceof DelayedError) throw error;
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 >= attempts) {
      const message = `The sync failed after ${attempts} attempts: ${(error as Error).message}`;
      await failRun(ctx.db.forOrg(orgId), runId, message).catch(() => undefined);
    } else {
      const retry = { attempt: job.attemptsMade + 1, attempts, error: (error as Error).message };
      await noteSyncRetry(ctx.db.forOrg(orgId), runId, { ...retry, nextAt: nextAttemptAt(job) }).catch(() => undefined);
    }
    throw error;
  };
}

/** When BullMQ will run the job again, for its fixed or exponential backoff. */
function nextAttemptAt(job: Job): Date | null {
  const backoff = job.opts.backoff;
  if (!backoff || typeof backoff === "number" || !backoff.delay) return null;
  const factor = backoff.type === "exponential" ? 2 ** job.attemptsMade : 1;
  return new Date(Date.now() + backoff.delay * factor);
}
