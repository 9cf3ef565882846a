import { Worker } from "bullmq";
import type { Redis } from "ioredis";
import {
  createBullSyncQueue,
  INTEGRATIONS_QUEUE,
  type BullSyncQueue,
  type IntegrationDeps,
  type SecretBox,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { processSyncJob, type SyncJobContext } from "./jobs/github-sync";
import { createSyncRuntime } from "./sync/client-cache";
import { createRedisFingerprints } from "./sync/fingerprint-store";
import { createOrgSlots } from "./sync/org-slots";
import { reconcileIntegrations } from "./sync/reconcile";

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
};

export type RunningSyncWorker = {
  queue: BullSyncQueue;
  worker: Worker;
  deps: IntegrationDeps;
  close(): Promise<void>;
};

// A step is minutes at most; a lease outliving a crashed holder by this much only delays its org.
const ORG_SLOT_LEASE_MS = 15 * 60_000;

/** Consumes the integrations queue (GitHub syncs, webhook work) and keeps its schedulers reconciled. */
export async function startSyncWorker(options: SyncWorkerOptions): Promise<RunningSyncWorker> {
  const { db, connection, prefix } = options;
  const queue = createBullSyncQueue({ connection, prefix });
  const deps: IntegrationDeps = {
    secrets: options.secrets,
    allowPrivateNetworks: options.allowPrivateNetworks,
    queue,
    ...(options.github ? { github: options.github } : {}),
  };
  const ctx: SyncJobContext = {
    db,
    deps,
    queue,
    slots: createOrgSlots(connection, { prefix, limit: options.orgSlots ?? 2, leaseMs: ORG_SLOT_LEASE_MS }),
    runtime: createSyncRuntime(deps, createRedisFingerprints(connection, prefix)),
    orgBusyDelayMs: options.orgBusyDelayMs ?? 2_000,
  };
  if (options.reconcile ?? true) {
    try {
      const report = await reconcileIntegrations(db, queue);
      console.log(`[worker] integrations reconciled ${JSON.stringify(report)}`);
    } catch (error) {
      // The periodic reconciliation below retries; a worker must start even if this fails once.
      console.error(`[worker] reconciling integrations failed: ${(error as Error).message}`);
    }
    await queue.queue.upsertJobScheduler(
      "integrations.reconcile",
      { every: options.reconcileEveryMs ?? 5 * 60_000 },
      { name: "integrations.reconcile", data: {} },
    );
  }
  const worker = new Worker(INTEGRATIONS_QUEUE, (job, token) => processSyncJob(ctx, job, token), {
    connection,
    prefix,
    concurrency: options.concurrency,
  });
  worker.on("failed", (job, err) =>
    console.error(`[worker] ${job?.name ?? "?"} ${job?.id ?? ""} failed: ${err.message}`),
  );
  return {
    queue,
    worker,
    deps,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
