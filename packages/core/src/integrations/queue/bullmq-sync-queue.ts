import { Queue, type ConnectionOptions, type JobsOptions } from "bullmq";
import {
  INTEGRATIONS_QUEUE,
  jobIds,
  SCHEDULED_SYNC_JOB,
  stepJobName,
  type SchedulerList,
  type SyncQueue,
} from "./sync-jobs";

export type BullSyncQueue = SyncQueue &
  SchedulerList & {
    readonly queue: Queue;
    close(): Promise<void>;
  };

// Completed jobs are kept a day so that their deterministic ids keep deduplicating
// (a double-clicked "Sync now", a redelivered webhook) long after they ran.
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** The BullMQ producer of the integrations queue, for the web app and the worker alike. */
export function createBullSyncQueue(options: { connection: ConnectionOptions; prefix: string }): BullSyncQueue {
  const queue = new Queue(INTEGRATIONS_QUEUE, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  const enqueue: SyncQueue["enqueue"] = async (name, data, opts) => {
    await queue.add(name, data, { jobId: opts.jobId, ...(opts.delayMs ? { delay: opts.delayMs } : {}) });
  };
  return {
    queue,
    enqueue,
    enqueueStep: (kind, job, opts = {}) =>
      enqueue(stepJobName(kind), job, { jobId: jobIds.step(job.syncRunId, job.step), delayMs: opts.delayMs }),
    async upsertSchedule({ orgId, integrationId, intervalMinutes }) {
      // Upserting with an unchanged interval keeps the next run time, so reconciling is
      // harmless. The start date only applies to a new scheduler (or a changed interval):
      // the first scheduled sync comes one interval after connecting, because connecting is
      // followed by a dry run and an explicit first sync, and because a Redis that lost its
      // schedulers must not start every org's sync at the same moment when they are rebuilt.
      const every = intervalMinutes * 60_000;
      await queue.upsertJobScheduler(
        jobIds.scheduler(integrationId),
        { every, startDate: Date.now() + every },
        { name: SCHEDULED_SYNC_JOB, data: { orgId, integrationId }, opts: { attempts: 3 } },
      );
    },
    async removeSchedule(integrationId) {
      await queue.removeJobScheduler(jobIds.scheduler(integrationId));
    },
    async schedulerKeys() {
      return (await queue.getJobSchedulers(0, -1)).map((s) => s.key);
    },
    async removeSchedulerKey(key) {
      await queue.removeJobScheduler(key);
    },
    close: () => queue.close(),
  };
}
