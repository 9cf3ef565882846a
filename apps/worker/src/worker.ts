import type { ConnectionOptions, Queue } from "bullmq";
import { DEFAULT_ORPHAN_GRACE_HOURS, jobsOfQueue, MAINTENANCE_QUEUE } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { startJobRunner } from "./job-runner";

export type RunningWorker = { close(): Promise<void>; queue: Queue };

/** The maintenance queue: the registry's housekeeping jobs across all orgs, on their schedulers. */
export async function startWorker(opts: {
  db: Database;
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** Grace period of orphaned catalog entities (DEFAULT_ORPHAN_GRACE_HOURS when not given). */
  orphanGraceHours?: number;
}): Promise<RunningWorker> {
  const running = await startJobRunner({
    queue: MAINTENANCE_QUEUE,
    jobs: jobsOfQueue(MAINTENANCE_QUEUE),
    db: opts.db,
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    services: { settings: { orphanGraceHours: opts.orphanGraceHours ?? DEFAULT_ORPHAN_GRACE_HOURS } },
  });
  running.worker.on("completed", (job, result) => console.log(`[worker] ${job.name} done ${JSON.stringify(result)}`));
  return { queue: running.queue, close: running.close };
}
