import {
  buildEntityState,
  clusterProblem,
  listByIds,
  listMatched,
  mapWithConcurrency,
  type KubernetesClient,
  type MatchedObjects,
} from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { isAppError } from "../../../../errors";
import type { IntegrationDeps } from "../../../deps";
import { emptyCounts } from "../../../sync/step-counts";
import type { RunCheckpoint, StepOutcome, SyncStepJob } from "../../../sync/step";
import { ACTIVE_STATUSES, commitStep, failRun, markRunning } from "../../../sync/sync-runs";
import type { SyncRunError } from "../../../views";
import { findCluster, openClusterClient, type ClusterIntegration } from "../open-cluster";
import { nextEntityBatch, type MatchedEntity } from "./entity-batch";
import { markClusterStale, removeUnseen, storeEntityStates, type EntityStateWrite } from "./store-state";

/** Entities per step: their lists go out together, their states are written in one transaction. */
export const ENTITIES_PER_STEP = 200;
/** kubernetes-ids per `in (...)` selector: keeps the URL short and each answer a few pages. */
export const IDS_PER_SELECTOR = 100;
/** Selector groups listed at once per step (each lists ten resources in parallel). */
const GROUPS_AT_ONCE = 3;

export type ClusterCheckpoint = RunCheckpoint & {
  phase: "entities" | "cleanup";
  cursor: string | null;
  since: string | null;
};

export const initialClusterCheckpoint = (): ClusterCheckpoint => ({
  step: 0,
  phase: "entities",
  cursor: null,
  since: null,
});

export type ClusterRuntime = { clientFor?: (cluster: ClusterIntegration) => Promise<KubernetesClient> };

/**
 * One bounded step of a cluster sync. "entities": the next ENTITIES_PER_STEP entities with
 * a Kubernetes annotation, their objects listed with label selectors (ids batched into
 * `in (...)` selectors), states and problems written. "cleanup": entities no longer
 * matched lose this cluster's state. A cluster that fails (unreachable, 401, 403, timeout)
 * marks its stored state stale and fails the run; nothing is erased.
 */
export async function runClusterStep(
  db: TenantDb,
  deps: IntegrationDeps,
  job: SyncStepJob,
  runtime: ClusterRuntime = {},
): Promise<StepOutcome> {
  const run = await db.syncRun.findUnique({ where: { id: job.syncRunId } });
  if (!run || run.integrationId !== job.integrationId) return { kind: "gone" };
  if (!(ACTIVE_STATUSES as readonly string[]).includes(run.status)) return { kind: "gone" };
  const checkpoint = readCheckpoint(run.checkpoint);
  if (checkpoint.step !== job.step) return { kind: "stale", step: checkpoint.step };

  let cluster: ClusterIntegration;
  let client: KubernetesClient;
  try {
    cluster = await findCluster(db, job.integrationId);
    await markRunning(db, run.id);
    client = runtime.clientFor ? await runtime.clientFor(cluster) : await openClusterClient(deps, cluster);
  } catch (error) {
    if (!isAppError(error)) throw error;
    await failRun(db, run.id, error.message, { integrationProblem: error.code !== "NOT_FOUND" });
    return { kind: "failed", message: error.message };
  }
  const before = client.requests();
  const counts = emptyCounts();
  const errors: SyncRunError[] = [];
  const now = new Date();
  const since = checkpoint.since ?? run.startedAt.toISOString();
  let next: ClusterCheckpoint;
  try {
    if (checkpoint.phase === "entities") {
      const perStep = deps.kubernetes?.entitiesPerStep ?? ENTITIES_PER_STEP;
      const batch = await nextEntityBatch(db, checkpoint.cursor, perStep);
      for (const bad of batch.invalid) errors.push(entityError(cluster, bad.ref, bad.message));
      const writes = await fetchStates(client, batch.entities, deps.kubernetes?.pageSize);
      await storeEntityStates(db, cluster.row.id, writes, now);
      counts.entitiesUpdated = writes.length;
      next =
        batch.size < perStep
          ? { ...checkpoint, phase: "cleanup", cursor: null, since }
          : { ...checkpoint, cursor: batch.lastRef, since };
    } else {
      counts.entitiesOrphaned = await removeUnseen(db, cluster.row.id, new Date(since), now);
      next = { ...checkpoint, phase: "cleanup", since };
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    const problem = clusterProblem(error, cluster.config.server);
    await markClusterStale(db, cluster.row.id, problem.message);
    await failRun(db, run.id, problem.message, { integrationProblem: true, requests: client.requests() - before });
    return { kind: "failed", message: problem.message };
  }
  const finished = checkpoint.phase === "cleanup";
  const committed = await commitStep(db, run.id, job.step, {
    counts,
    errors,
    requests: client.requests() - before,
    rateLimitRemaining: null,
    checkpoint: next,
    ...(finished ? { finished: { message: "Cluster synced.", onboardingStep: "kubernetes" as const } } : {}),
  });
  if (!committed) return { kind: "stale", step: job.step + 1 };
  return finished ? { kind: "done" } : { kind: "continue", step: job.step + 1 };
}

/** Lists the batch's objects: ids grouped by namespace into `in (...)` selectors, custom selectors one by one. */
async function fetchStates(
  client: KubernetesClient,
  entities: MatchedEntity[],
  pageSize?: number,
): Promise<EntityStateWrite[]> {
  const objectsOf = new Map<string, MatchedObjects>();
  const idGroups = new Map<string, MatchedEntity[]>();
  const tasks: Array<() => Promise<void>> = [];
  for (const entity of entities) {
    const m = entity.matcher;
    if (m.type === "selector") {
      tasks.push(async () => {
        objectsOf.set(
          entity.ref,
          await listMatched(client, { namespace: m.namespace, labelSelector: m.selector }, pageSize),
        );
      });
    } else {
      const key = m.namespace ?? "";
      idGroups.set(key, [...(idGroups.get(key) ?? []), entity]);
    }
  }
  for (const [namespace, group] of idGroups) {
    for (let i = 0; i < group.length; i += IDS_PER_SELECTOR) {
      const chunk = group.slice(i, i + IDS_PER_SELECTOR);
      tasks.push(async () => {
        const ids = [...new Set(chunk.map((e) => (e.matcher as { id: string }).id))];
        const byId = await listByIds(client, ids, namespace || null, pageSize);
        for (const e of chunk) objectsOf.set(e.ref, byId.get((e.matcher as { id: string }).id) ?? {});
      });
    }
  }
  await mapWithConcurrency(tasks, GROUPS_AT_ONCE, (task) => task());
  return entities.map((e) => ({ entityRef: e.ref, state: buildEntityState(objectsOf.get(e.ref) ?? {}) }));
}

function readCheckpoint(raw: unknown): ClusterCheckpoint {
  const r = (raw ?? {}) as Partial<ClusterCheckpoint>;
  return {
    step: typeof r.step === "number" ? r.step : 0,
    phase: r.phase === "cleanup" ? "cleanup" : "entities",
    cursor: typeof r.cursor === "string" ? r.cursor : null,
    since: typeof r.since === "string" ? r.since : null,
  };
}

function entityError(cluster: ClusterIntegration, ref: string, message: string): SyncRunError {
  return {
    repository: null,
    file: ref,
    url: cluster.config.server,
    line: null,
    column: null,
    message: `${ref}: ${message}`,
    detail: message,
  };
}
