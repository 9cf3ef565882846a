import { DeferJob, defineJob, INTEGRATIONS_QUEUE, type AnyJobDefinition } from "../jobs/define-job";
import { integrationServices } from "../jobs/services";
import type { AnyIntegrationProvider } from "./provider";
import { providers } from "./providers";
import {
  RECONCILE_JOB,
  reconcilePayload,
  SCHEDULED_SYNC_JOB,
  scheduledSyncPayload,
  stepJobName,
  syncStepPayload,
} from "./queue/sync-jobs";
import { reconcileIntegrations } from "./reconcile";
import { startScheduledSync } from "./request-sync";
import { failedAfterAttempts, RESUME_MARGIN_MS, runIdForJob } from "./sync/run-ids";
import type { StepOutcome } from "./sync/step";
import { noteSyncRetry } from "./sync/note-retry";
import { failRun } from "./sync/sync-runs";
import { purgeDeliveriesJob } from "./webhooks/purge-deliveries";

/** How often Redis is made to agree with the database (schedulers, in-flight runs). */
export const RECONCILE_EVERY_MS = 5 * 60_000;

/** A scheduler tick of any provider: the handler reads the integration (and its provider) from the database. */
export const scheduledSyncJob = defineJob({
  name: SCHEDULED_SYNC_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: scheduledSyncPayload,
  options: { attempts: 3 },
  async handle(data, ctx) {
    const { queue } = integrationServices(ctx.services);
    return startScheduledSync(ctx.db.forOrg(data.orgId), queue, data.integrationId, runIdForJob("sched", ctx.job));
  },
});

export const reconcileJob = defineJob({
  name: RECONCILE_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: reconcilePayload,
  schedule: { every: RECONCILE_EVERY_MS, payload: () => ({}) },
  handle: (_data, ctx) => reconcileIntegrations(ctx.db, integrationServices(ctx.services).queue),
});

/**
 * A provider's step job, `<kind>.syncStep`. A sync never runs as one long job: each step
 * saves its checkpoint and enqueues the next step at the tail of the queue, so N running
 * syncs are served round-robin and a small org's sync is not stuck behind a big one's.
 * A rate limit defers this same job until the reset (the run shows "paused").
 */
export function stepJob(provider: AnyIntegrationProvider): AnyJobDefinition {
  return defineJob({
    name: stepJobName(provider.kind),
    queue: INTEGRATIONS_QUEUE,
    payload: syncStepPayload,
    fairness: "org",
    async handle(data, ctx): Promise<StepOutcome> {
      const services = integrationServices(ctx.services);
      const outcome: StepOutcome = await provider.sync.runStep(
        ctx.db.forOrg(data.orgId),
        services.deps,
        data,
        services.runtimeFor(provider.kind),
      );
      switch (outcome.kind) {
        case "continue":
        case "stale":
          // To the tail of the queue: other orgs' steps go first.
          await services.queue.enqueueStep(provider.kind, { ...data, step: outcome.step });
          return outcome;
        case "paused":
          throw new DeferJob(outcome.until.getTime() + RESUME_MARGIN_MS);
        default:
          return outcome;
      }
    },
    // When retries are spent, the run is marked failed so the UI does not show it running forever;
    // before that, it says which attempt failed and when the next one starts.
    async onFinalFailure(data, ctx, error) {
      await failRun(ctx.db.forOrg(data.orgId), data.syncRunId, failedAfterAttempts(ctx.job, error)).catch(
        () => undefined,
      );
    },
    async onRetry(data, ctx, error, nextAt) {
      const retry = { attempt: ctx.job.attemptsMade + 1, attempts: ctx.job.attempts, error: (error as Error).message };
      await noteSyncRetry(ctx.db.forOrg(data.orgId), data.syncRunId, { ...retry, nextAt }).catch(() => undefined);
    },
  });
}

/** Every integrations-queue job: the neutral ones, then each provider's step job and own jobs. */
export function integrationJobs(): AnyJobDefinition[] {
  return [
    scheduledSyncJob,
    reconcileJob,
    purgeDeliveriesJob,
    ...Object.values(providers).flatMap((provider) => [stepJob(provider), ...(provider.sync.jobs ?? [])]),
  ];
}
