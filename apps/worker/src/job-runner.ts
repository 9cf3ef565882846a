import { DelayedError, Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from "bullmq";
import {
  DeferJob,
  type AnyJobDefinition,
  type JobContext,
  type JobQueue,
  type JobServices,
  type OrgSlots,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";

export type JobRunnerOptions = {
  queue: JobQueue;
  /** The registry's jobs of this queue; each is registered once, by name. */
  jobs: readonly AnyJobDefinition[];
  db: Database;
  connection: ConnectionOptions;
  prefix: string;
  concurrency: number;
  services: JobServices;
  /** The per-org fairness lease, for jobs defined with `fairness: "org"`. */
  slots?: OrgSlots;
  /** How long a job whose org has no free slot waits before it is looked at again. */
  orgBusyDelayMs?: number;
  /** Per job name: a different interval, or `false` to leave that scheduler out. */
  schedules?: Record<string, { every: number } | false>;
};

export type RunningJobs = { queue: Queue; worker: Worker; close(): Promise<void> };

/**
 * Runs one queue's part of the job registry: upserts each scheduled job's scheduler under
 * the job's name (idempotent, so restarts neither duplicate nor lose them), then processes
 * jobs by looking their definition up by name. BullMQ specifics stay here: a handler's
 * `DeferJob` becomes a move to the delayed set (not a failed attempt), `fairness: "org"`
 * becomes the org slot lease, and `onFinalFailure` runs when the last attempt failed.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<RunningJobs> {
  const { db, connection, prefix, services } = options;
  const byName = new Map(options.jobs.map((job) => [job.name, job]));
  const queue = new Queue(options.queue, { connection, prefix });
  for (const definition of options.jobs) {
    if (!definition.schedule) continue;
    const override = options.schedules?.[definition.name];
    if (override === false) continue;
    await queue.upsertJobScheduler(
      definition.name,
      { every: override?.every ?? definition.schedule.every },
      {
        name: definition.name,
        data: definition.schedule.payload(services.settings),
        ...(definition.options ? { opts: definition.options } : {}),
      },
    );
  }

  const process = async (job: Job, token?: string): Promise<unknown> => {
    const definition = byName.get(job.name);
    if (!definition) throw new UnrecoverableError(`Unknown ${options.queue} job "${job.name}"`);
    const parsed = definition.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`Invalid ${job.name} payload: ${parsed.error.message}`);
    const payload = parsed.data;
    const ctx: JobContext = {
      db,
      services,
      job: { id: String(job.id), attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 },
    };
    try {
      if (definition.fairness === "org") {
        return await withOrgSlot(options, String(job.id), (payload as { orgId: string }).orgId, () =>
          definition.handle(payload, ctx),
        );
      }
      return await definition.handle(payload, ctx);
    } catch (error) {
      if (error instanceof DeferJob) {
        // Puts this same job back until then (BullMQ re-queues it at the tail).
        await job.moveToDelayed(error.until, token);
        throw new DelayedError();
      }
      if (job.attemptsMade + 1 >= ctx.job.attempts) {
        await definition.onFinalFailure?.(payload, ctx, error);
      } else {
        await definition.onRetry?.(payload, ctx, error, nextAttemptAt(job));
      }
      throw error;
    }
  };

  const worker = new Worker(options.queue, process, { connection, prefix, concurrency: options.concurrency });
  worker.on("failed", (job, err) =>
    console.error(`[worker] ${job?.name ?? "?"} ${job?.id ?? ""} failed: ${err.message}`),
  );
  return {
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}

/**
 * One of the org's slots for the job's duration. A job that finds them all taken goes back
 * to the tail without calling anyone, which is cheap, so other orgs' jobs behind it are
 * reached quickly and one org never occupies more than its slots.
 */
async function withOrgSlot<T>(options: JobRunnerOptions, holder: string, orgId: string, work: () => Promise<T>) {
  const slots = options.slots;
  if (!slots) throw new Error("A fair job needs the org slots.");
  if (!(await slots.acquire(orgId, holder))) throw new DeferJob(Date.now() + (options.orgBusyDelayMs ?? 2_000));
  try {
    return await work();
  } finally {
    await slots.release(orgId, holder);
  }
}

/** When BullMQ will run the job again, for its fixed or exponential backoff. */
function nextAttemptAt(job: Job): Date | null {
  const backoff = job.opts.backoff;
  if (!backoff || typeof backoff === "number" || !backoff.delay) return null;
  const factor = backoff.type === "exponential" ? 2 ** job.attemptsMade : 1;
  return new Date(Date.now() + backoff.delay * factor);
}
