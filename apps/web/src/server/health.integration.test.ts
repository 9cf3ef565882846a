import { describe, it, expect } from "vitest";
import { Redis } from "ioredis";
import { createDatabase } from "@stagedoor/db";
import { testDatabase } from "@stagedoor/db/testing";
import { healthReport } from "./health";

// The same probes the /api/health route uses, against real and unreachable services.
const redisAt = (url: string) =>
  new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 500, retryStrategy: () => null });

describe("health report", () => {
  it("is ok when PostgreSQL and Redis answer", async () => {
    const redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 });
    // This case is about answers, not speed: the route's 2 s budget (and a 500 ms connect
    // timeout) made it fail whenever the test machine was busy.
    const report = await healthReport({ db: () => testDatabase().ping(), redis: () => redis.ping() }, 20_000);
    expect(report).toEqual({
      status: "ok",
      db: "ok",
      redis: "ok",
    });
    redis.disconnect();
  });

  it("is degraded, naming the dependency, when Redis or PostgreSQL is unreachable", async () => {
    const deadRedis = redisAt("redis://127.0.0.1:1");
    deadRedis.on("error", () => {}); // the refusal is the point of this test
    const deadDb = createDatabase({ url: "postgresql://postgres@127.0.0.1:1/none", poolSize: 1 });
    expect(await healthReport({ db: () => testDatabase().ping(), redis: () => deadRedis.ping() })).toEqual({
      status: "degraded",
      db: "ok",
      redis: "down",
    });
    expect(await healthReport({ db: () => deadDb.ping(), redis: () => Promise.resolve() })).toEqual({
      status: "degraded",
      db: "down",
      redis: "ok",
    });
    expect(await healthReport({ db: () => new Promise(() => {}), redis: () => Promise.resolve() }, 50)).toMatchObject({
      db: "down",
    });
    deadRedis.disconnect();
  });
});
