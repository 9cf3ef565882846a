import { DeferJob, defineJob, INTEGRATIONS_QUEUE, type JobContext } from "../../../jobs/define-job";
import { integrationServices } from "../../../jobs/services";
import { failedAfterAttempts, RESUME_MARGIN_MS, runIdForJob } from "../../sync/run-ids";
import { failRun } from "../../sync/sync-runs";
import { GITHUB_PROVIDER } from "./open-client";
import { repositoryJobPayload, SYNC_REPOSITORY_JOB, SYNC_TEAMS_JOB, teamsJobPayload } from "./queue";
import type { SyncRuntime } from "./sync/run-step";
import { syncRepository, syncTeamsOnly, type TargetedOutcome } from "./sync/sync-repository";

/**
 * GitHub's targeted jobs (webhook work). Each records its own SyncRun, whose id comes from
 * the job id so a retry finds it; like every sync job it takes its org's fairness slot.
 */
const webhookRunId = (ctx: JobContext) => runIdForJob("wh", ctx.job);

function afterTargeted(outcome: TargetedOutcome): TargetedOutcome {
  if (outcome.kind === "paused") throw new DeferJob(outcome.until.getTime() + RESUME_MARGIN_MS);
  return outcome;
}

async function failWebhookRun(payload: { orgId: string }, ctx: JobContext, error: unknown): Promise<void> {
  await failRun(ctx.db.forOrg(payload.orgId), webhookRunId(ctx), failedAfterAttempts(ctx.job, error)).catch(
    () => undefined,
  );
}

export const syncRepositoryJob = defineJob({
  name: SYNC_REPOSITORY_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: repositoryJobPayload,
  fairness: "org",
  async handle(data, ctx) {
    const services = integrationServices(ctx.services);
    const runtime = services.runtimeFor(GITHUB_PROVIDER) as SyncRuntime;
    const outcome = await syncRepository(ctx.db.forOrg(data.orgId), services.deps, data, webhookRunId(ctx), runtime);
    return afterTargeted(outcome);
  },
  onFinalFailure: (data, ctx, error) => failWebhookRun(data, ctx, error),
});

export const syncTeamsJob = defineJob({
  name: SYNC_TEAMS_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: teamsJobPayload,
  fairness: "org",
  async handle(data, ctx) {
    const services = integrationServices(ctx.services);
    const runtime = services.runtimeFor(GITHUB_PROVIDER) as SyncRuntime;
    const outcome = await syncTeamsOnly(ctx.db.forOrg(data.orgId), services.deps, data, webhookRunId(ctx), runtime);
    return afterTargeted(outcome);
  },
  onFinalFailure: (data, ctx, error) => failWebhookRun(data, ctx, error),
});
