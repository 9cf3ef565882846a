import "server-only";
import { Redis } from "ioredis";
import { createBullInsightsQueue, type BullInsightsQueue } from "@stagedoor/core";
import { env } from "@/env";

// One producer per server process (kept across dev-mode reloads).
const g = globalThis as unknown as { stagedoorInsightsQueue?: BullInsightsQueue };

/**
 * The BullMQ producer of the insights queue (the worker writes the batches). Commands fail
 * fast when Redis is down: the route then answers an error, and the page never notices.
 */
export function insightsQueue(): BullInsightsQueue {
  if (!g.stagedoorInsightsQueue) {
    const e = env();
    const options = { maxRetriesPerRequest: 1, connectTimeout: 2000 };
    g.stagedoorInsightsQueue = createBullInsightsQueue({
      connection: { url: e.REDIS_URL, ...options },
      redis: new Redis(e.REDIS_URL, { ...options, lazyConnect: true }),
      prefix: e.QUEUE_PREFIX,
    });
  }
  return g.stagedoorInsightsQueue;
}
