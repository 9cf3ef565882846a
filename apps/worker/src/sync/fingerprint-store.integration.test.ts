import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { Fingerprint } from "@stagedoor/core";
import { createRedisFingerprints } from "./fingerprint-store";

// The fingerprint store against the real Redis (the sync tests use an in-memory double).
const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
const prefix = `${process.env.QUEUE_PREFIX}-fingerprints-${process.pid}-${Date.now()}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

const print = (hash: string): Fingerprint => ({
  hash,
  at: 1_700_000_000_000,
  entities: 2,
  errors: [
    { repository: "acme/a", file: "catalog-info.yaml", url: "u", line: 3, column: null, message: "bad", detail: "bad" },
  ],
});

describe("Redis fingerprint store", () => {
  it("stores, reads, expires and deletes fingerprints per integration", async () => {
    const store = createRedisFingerprints(redis, prefix);
    expect(await store.get("int-1", [])).toEqual(new Map());
    await store.set("int-1", [
      [1, print("a")],
      [2, print("b")],
    ]);
    await store.set("int-2", [[1, print("other")]]);
    expect(await store.get("int-1", [1, 2, 3])).toEqual(
      new Map([
        [1, print("a")],
        [2, print("b")],
      ]),
    );
    // One hash per integration, with a TTL so a deleted integration's prints go away.
    const ttl = await redis.ttl(`${prefix}:github-fingerprints:int-1`);
    expect(ttl).toBeGreaterThan(6 * 24 * 3600);
    await store.delete("int-1", [1]);
    expect([...(await store.get("int-1", [1, 2])).keys()]).toEqual([2]);
    expect(await store.get("int-2", [1])).toEqual(new Map([[1, print("other")]]));
    // A value this version cannot read is skipped, not fatal.
    await redis.hset(`${prefix}:github-fingerprints:int-1`, "9", "{not json");
    expect([...(await store.get("int-1", [2, 9])).keys()]).toEqual([2]);
  });
});
