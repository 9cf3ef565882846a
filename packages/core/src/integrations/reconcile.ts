import type { Database } from "@stagedoor/db";
import { providerFor } from "./providers";
import { ensureStepJob } from "./request-sync";
import { LEGACY_SCHEDULER_PREFIXES, SCHEDULER_PREFIX, type SchedulerList, type SyncQueue } from "./queue/sync-jobs";
import { ACTIVE_STATUSES, failRun } from "./sync/sync-runs";

/** A run still "active" this long after it started was lost (its jobs gone for good). */
const ABANDONED_AFTER_MS = 12 * 3600_000;

export type ReconcileReport = { schedulers: number; removed: number; resumedRuns: number; abandonedRuns: number };

/**
 * Redis holds the schedulers and the queued jobs; PostgreSQL holds the integrations and
 * their runs, and when the two disagree the database wins. Redis here may run without
 * persistence (or be replaced, or flushed): after such a restart the queue is empty, so
 * every scheduler is upserted again from the integrations table and every unfinished run
 * gets the job for its checkpointed step back. The worker does this at start and every few
 * minutes; both operations are idempotent (upserts keep the next run time, step jobs have
 * deterministic ids), so running it often costs a few Redis calls and changes nothing.
 *
 * Cross-org on purpose: the worker serves every org, which is what the admin client is for.
 * Provider-neutral: each integration's interval comes from its provider's config.
 */
export async function reconcileIntegrations(db: Database, queue: SyncQueue & SchedulerList): Promise<ReconcileReport> {
  const integrations = await db.admin.integration.findMany({
    select: { id: true, orgId: true, provider: true, config: true, status: true },
  });
  const wanted = new Set<string>();
  const kinds = new Map<string, string>();
  for (const integration of integrations) {
    const provider = providerFor(integration.provider);
    if (!provider) continue;
    kinds.set(integration.id, provider.kind);
    if (integration.status === "disabled") continue;
    wanted.add(integration.id);
    await queue.upsertSchedule({
      orgId: integration.orgId,
      integrationId: integration.id,
      intervalMinutes: provider.syncIntervalMinutes(provider.readConfig(integration.config)),
    });
  }
  let removed = 0;
  for (const key of await queue.schedulerKeys()) {
    const legacy = LEGACY_SCHEDULER_PREFIXES.some((prefix) => key.startsWith(prefix));
    if (!legacy && (!key.startsWith(SCHEDULER_PREFIX) || wanted.has(key.slice(SCHEDULER_PREFIX.length)))) continue;
    await queue.removeSchedulerKey(key);
    removed++;
  }

  let resumedRuns = 0;
  let abandonedRuns = 0;
  const runs = await db.admin.syncRun.findMany({ where: { status: { in: [...ACTIVE_STATUSES] } } });
  for (const run of runs) {
    const kind = kinds.get(run.integrationId);
    if (Date.now() - run.startedAt.getTime() > ABANDONED_AFTER_MS) {
      await failRun(
        db.forOrg(run.orgId),
        run.id,
        "The sync stopped making progress and was abandoned; the next one starts fresh.",
      );
      abandonedRuns++;
    } else if (run.trigger !== "webhook" && kind) {
      // Webhook runs are keyed to their deliveries; if Redis lost one, the next full sync covers it.
      await ensureStepJob(queue, run, kind);
      resumedRuns++;
    }
  }
  return { schedulers: wanted.size, removed, resumedRuns, abandonedRuns };
}
