import { Queue, Worker, type ConnectionOptions } from "bullmq";
import { DEFAULT_ORPHAN_GRACE_HOURS, STALE_INVITATION_DAYS } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { MAINTENANCE_QUEUE } from "./queues";
import { runMaintenanceJob } from "./jobs/maintenance";

export type RunningWorker = { close(): Promise<void>; queue: Queue };

/**
 * Registers the schedulers (idempotent: upsertJobScheduler keeps one per id, and they
 * live in Redis, so restarts neither duplicate nor lose them) and starts processing.
 */
export async function startWorker(opts: {
  db: Database;
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** Grace period of orphaned catalog entities (DEFAULT_ORPHAN_GRACE_HOURS when not given). */
  orphanGraceHours?: number;
}): Promise<RunningWorker> {
  const { db, connection, prefix, concurrency } = opts;
  const queue = new Queue(MAINTENANCE_QUEUE, { connection, prefix });
  await queue.upsertJobScheduler(
    "sessions.purgeExpired",
    { every: 60 * 60 * 1000 },
    { name: "sessions.purgeExpired", data: {} },
  );
  await queue.upsertJobScheduler(
    "invitations.purgeStale",
    { every: 6 * 60 * 60 * 1000 },
    {
      name: "invitations.purgeStale",
      data: { olderThanDays: STALE_INVITATION_DAYS },
      opts: { attempts: 3, backoff: { type: "exponential", delay: 5000 } },
    },
  );
  await queue.upsertJobScheduler(
    "catalog.purgeOrphans",
    { every: 60 * 60 * 1000 },
    {
      name: "catalog.purgeOrphans",
      data: { graceHours: opts.orphanGraceHours ?? DEFAULT_ORPHAN_GRACE_HOURS },
      opts: { attempts: 3, backoff: { type: "exponential", delay: 5000 } },
    },
  );
  const worker = new Worker(MAINTENANCE_QUEUE, (job) => runMaintenanceJob(db, job.name, job.data), {
    connection,
    prefix,
    concurrency,
  });
  worker.on("failed", (job, err) => console.error(`[worker] ${job?.name ?? "?"} failed: ${err.message}`));
  worker.on("completed", (job, result) => console.log(`[worker] ${job.name} done ${JSON.stringify(result)}`));
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
