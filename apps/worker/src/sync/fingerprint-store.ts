import type { Redis } from "ioredis";
import type { Fingerprint, FingerprintStore } from "@stagedoor/core";

// Longer than any sync interval, so a live integration never loses them; a deleted one's expire.
const TTL_SECONDS = 7 * 24 * 3600;

/** Repository fingerprints in one Redis hash per integration (see core's sync/fingerprints.ts). */
export function createRedisFingerprints(redis: Redis, prefix: string): FingerprintStore {
  const key = (integrationId: string) => `${prefix}:github-fingerprints:${integrationId}`;
  return {
    async get(integrationId, repositoryIds) {
      const out = new Map<number, Fingerprint>();
      if (repositoryIds.length === 0) return out;
      const values = await redis.hmget(key(integrationId), ...repositoryIds.map(String));
      values.forEach((value, i) => {
        if (!value) return;
        try {
          out.set(repositoryIds[i] as number, JSON.parse(value) as Fingerprint);
        } catch {
          // A value this version cannot read is simply not used.
        }
      });
      return out;
    },
    async set(integrationId, entries) {
      if (entries.length === 0) return;
      const flat = entries.flatMap(([id, print]) => [String(id), JSON.stringify(print)]);
      await redis
        .multi()
        .hset(key(integrationId), ...flat)
        .expire(key(integrationId), TTL_SECONDS)
        .exec();
    },
    async delete(integrationId, repositoryIds) {
      if (repositoryIds.length) await redis.hdel(key(integrationId), ...repositoryIds.map(String));
    },
  };
}
