import type { ConnectionOptions } from "bullmq";
import { DEFAULT_ORPHAN_GRACE_HOURS, INSIGHTS_QUEUE, jobsOfQueue } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { startJobRunner, type RunningJobs } from "./job-runner";

/**
 * The insights queue: event batches from the route (one INSERT each), the rollup every
 * minute and retention daily. Its own queue and concurrency, so a burst of events never
 * waits behind (or delays) syncs and housekeeping.
 */
export async function startInsightsWorker(opts: {
  db: Database;
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  /** Per job name: a different interval, or `false` to leave that scheduler out (tests, benchmark). */
  schedules?: Record<string, { every: number } | false>;
}): Promise<RunningJobs> {
  return startJobRunner({
    queue: INSIGHTS_QUEUE,
    jobs: jobsOfQueue(INSIGHTS_QUEUE),
    db: opts.db,
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    services: { settings: { orphanGraceHours: DEFAULT_ORPHAN_GRACE_HOURS } },
    ...(opts.schedules ? { schedules: opts.schedules } : {}),
  });
}
