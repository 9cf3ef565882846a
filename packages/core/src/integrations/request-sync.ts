import type { TenantDb } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import type { IntegrationDeps } from "./deps";
import { findIntegration } from "./find-integration";
import { requireProvider } from "./providers";
import type { SyncQueue } from "./queue/sync-jobs";
import { stepOf } from "./sync/step";
import { createOrReuseRun, type SyncRunRow } from "./sync/sync-runs";

export type SyncTrigger = "manual" | "onboarding" | "schedule";

/**
 * Makes sure the run's current step has a job. The job id is derived from the run and the
 * step, so enqueueing twice (a double click, a reconciliation) adds nothing; a paused run's
 * job waits until the pause ends.
 */
export async function ensureStepJob(queue: SyncQueue, run: SyncRunRow, kind: string): Promise<void> {
  const step = stepOf(run.checkpoint);
  const delayMs = run.status === "paused" && run.pausedUntil ? Math.max(0, run.pausedUntil.getTime() - Date.now()) : 0;
  await queue.enqueueStep(
    kind,
    { orgId: run.orgId, integrationId: run.integrationId, syncRunId: run.id, step },
    delayMs ? { delayMs } : {},
  );
}

/**
 * "Sync now": the integration's running sync if there is one (so a double click is one
 * sync), otherwise a new run whose first step is enqueued.
 */
export async function requestSync(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: { id: string; trigger?: "manual" | "onboarding" },
): Promise<{ syncRunId: string }> {
  authorize(actor, "integrations.manage");
  const provider = requireProvider((await findIntegration(db, input.id)).provider);
  const trigger = input.trigger ?? "manual";
  const { run, created } = await createOrReuseRun(db, input.id, trigger, provider.sync.initialCheckpoint());
  if (created) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "integration.sync_requested",
        target: input.id,
        data: { syncRunId: run.id, trigger },
      }),
    );
  }
  await ensureStepJob(deps.queue, run, provider.kind);
  return { syncRunId: run.id };
}

/** A scheduler tick: like "Sync now" without a person, and a no-op while a sync is going. */
export async function startScheduledSync(
  db: TenantDb,
  queue: SyncQueue,
  integrationId: string,
  runId: string,
): Promise<{ syncRunId: string; created: boolean } | null> {
  const found = await db.integration.findFirst({
    where: { id: integrationId },
    select: { id: true, status: true, provider: true },
  });
  if (!found || found.status === "disabled") return null;
  const provider = requireProvider(found.provider);
  const { run, created } = await createOrReuseRun(
    db,
    integrationId,
    "schedule",
    provider.sync.initialCheckpoint(),
    runId,
  );
  // A run this tick created (possibly in an attempt that crashed before enqueueing) gets its job.
  if (created || run.id === runId) await ensureStepJob(queue, run, provider.kind);
  return { syncRunId: run.id, created };
}
