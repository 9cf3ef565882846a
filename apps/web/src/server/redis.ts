import "server-only";
import { Redis } from "ioredis";
import { env } from "@/env";

const g = globalThis as unknown as { stagedoorRedis?: Redis };

/** Shared connection for health checks and light use; fails fast instead of queueing. */
export function redis(): Redis {
  g.stagedoorRedis ??= new Redis(env().REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: true,
  });
  return g.stagedoorRedis;
}
