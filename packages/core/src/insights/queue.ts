import { Queue, type ConnectionOptions } from "bullmq";
import { INSIGHTS_MAX_QUEUE_BACKLOG } from "../limits";
import type { InsightsWritePayload } from "./events";

/** The queue of event batches between the route and the worker, separate from housekeeping. */
export const INSIGHTS_QUEUE = "insights";
export const WRITE_EVENTS_JOB = "insights.writeEvents";

/**
 * What the route needs: hand a batch over, or drop it when the worker is too far behind
 * (analytics must never slow a page or fill Redis). Drops are counted, not lost silently.
 */
export type InsightsQueue = {
  enqueue(payload: InsightsWritePayload): Promise<"queued" | "dropped">;
  /** Batches dropped because the backlog was over its bound, since the counter was created. */
  droppedBatches(): Promise<number>;
};

export type BullInsightsQueue = InsightsQueue & { readonly queue: Queue; close(): Promise<void> };

// The backlog is read at most this often: one Redis call per request would be the
// route's largest cost. Overshooting the bound by a few milliseconds' batches is harmless.
const BACKLOG_READ_EVERY_MS = 200;

/** The two Redis commands the drop counter needs (an ioredis client has them). */
export type CounterRedis = {
  incr(key: string): Promise<number>;
  get(key: string): Promise<string | null>;
};

export function createBullInsightsQueue(options: {
  connection: ConnectionOptions;
  /** For the drop counter; usually the same connection as the queue's. */
  redis: CounterRedis;
  prefix: string;
  maxBacklog?: number;
}): BullInsightsQueue {
  const queue = new Queue(INSIGHTS_QUEUE, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: { count: 1_000 },
    },
  });
  const maxBacklog = options.maxBacklog ?? INSIGHTS_MAX_QUEUE_BACKLOG;
  const droppedKey = `${options.prefix}:${INSIGHTS_QUEUE}:dropped-batches`;
  let backlog = 0;
  let readAt = 0;
  let reading: Promise<void> | null = null;

  const refreshBacklog = () => {
    reading ??= queue
      .getWaitingCount()
      .then((n) => {
        backlog = n;
        readAt = Date.now();
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  return {
    queue,
    async enqueue(payload) {
      if (Date.now() - readAt > BACKLOG_READ_EVERY_MS) await refreshBacklog();
      if (backlog >= maxBacklog) {
        await options.redis.incr(droppedKey);
        return "dropped";
      }
      backlog++;
      await queue.add(WRITE_EVENTS_JOB, payload);
      return "queued";
    },
    async droppedBatches() {
      return Number((await options.redis.get(droppedKey)) ?? 0);
    },
    close: () => queue.close(),
  };
}
