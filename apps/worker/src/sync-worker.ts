import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import {
  createBullSyncQueue,
  createOrgSlots,
  DEFAULT_ORPHAN_GRACE_HOURS,
  INTEGRATIONS_QUEUE,
  jobsOfQueue,
  providers,
  RECONCILE_JOB,
  reconcileIntegrations,
  type BullSyncQueue,
  type IntegrationDeps,
  type SecretBox,
  type StripeBilling,
  type SyncServices,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { startJobRunner } from "./job-runner";
import { createRedisFingerprints } from "./sync/fingerprint-store";

export type SyncWorkerOptions = {
  db: Database;
  /** An ioredis connection with maxRetriesPerRequest: null (BullMQ workers block on it). */
  connection: Redis;
  prefix: string;
  concurrency: number;
  secrets: SecretBox;
  allowPrivateNetworks: boolean;
  /** Integration jobs of one org running at once, across all worker processes. */
  orgSlots?: number;
  orgBusyDelayMs?: number;
  /** Rebuild schedulers and in-flight runs from the database at start and every so often (default on). */
  reconcile?: boolean;
  reconcileEveryMs?: number;
  github?: IntegrationDeps["github"];
  /** Stripe and prices for billing.syncSeats; without them that job does nothing. */
  billing?: StripeBilling;
};

export type RunningSyncWorker = {
  queue: BullSyncQueue;
  worker: Worker;
  deps: IntegrationDeps;
  close(): Promise<void>;
};

// A step is minutes at most; a lease outliving a crashed holder by this much only delays its org.
const ORG_SLOT_LEASE_MS = 15 * 60_000;

/**
 * Consumes the integrations queue: every provider's sync steps and webhook work, the
 * scheduler ticks and reconciliation, all from the job registry. Each provider's runtime
 * (client and ETag caches) is built once here and lent to its steps, so a step goes
 * worker → core and never back.
 */
export async function startSyncWorker(options: SyncWorkerOptions): Promise<RunningSyncWorker> {
  const { db, connection, prefix } = options;
  const queue = createBullSyncQueue({ connection, prefix });
  const deps: IntegrationDeps = {
    secrets: options.secrets,
    allowPrivateNetworks: options.allowPrivateNetworks,
    queue,
    ...(options.github ? { github: options.github } : {}),
  };
  const syncServices: SyncServices = { fingerprints: createRedisFingerprints(connection, prefix) };
  const runtimes = new Map(
    Object.values(providers).map((provider) => [provider.kind, provider.sync.createRuntime(deps, syncServices)]),
  );
  const reconcile = options.reconcile ?? true;
  if (reconcile) {
    try {
      const report = await reconcileIntegrations(db, queue);
      console.log(`[worker] integrations reconciled ${JSON.stringify(report)}`);
    } catch (error) {
      // The periodic reconciliation retries; a worker must start even if this fails once.
      console.error(`[worker] reconciling integrations failed: ${(error as Error).message}`);
    }
  }
  const running = await startJobRunner({
    queue: INTEGRATIONS_QUEUE,
    jobs: jobsOfQueue(INTEGRATIONS_QUEUE),
    db,
    connection,
    prefix,
    concurrency: options.concurrency,
    services: {
      settings: { orphanGraceHours: DEFAULT_ORPHAN_GRACE_HOURS },
      integrations: { deps, queue, runtimeFor: (kind) => runtimes.get(kind) },
      ...(options.billing ? { billing: options.billing } : {}),
    },
    slots: createOrgSlots(connection, { prefix, limit: options.orgSlots ?? 2, leaseMs: ORG_SLOT_LEASE_MS }),
    orgBusyDelayMs: options.orgBusyDelayMs ?? 2_000,
    schedules: {
      [RECONCILE_JOB]: reconcile && { every: options.reconcileEveryMs ?? 5 * 60_000 },
    },
  });
  return {
    queue,
    worker: running.worker,
    deps,
    async close() {
      await running.close();
      await queue.close();
    },
  };
}
