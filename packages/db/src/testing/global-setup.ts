import { randomBytes } from "node:crypto";
import { createTestDatabase } from "./test-database";

/**
 * Vitest global setup for the integration tier: unless the runner already prepared one
 * (infra/local/test.mjs does, and passes DATABASE_URL), create this run's own database
 * on the local PostgreSQL and migrate it. Workers inherit process.env.
 */
export default async function setup() {
  if (!process.env.DATABASE_URL) {
    process.env.DATABASE_URL = await createTestDatabase();
  }
  process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
  process.env.QUEUE_PREFIX ??= `stagedoor-test-${process.pid}`;
  process.env.SECRETS_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;
  process.env.OUTBOUND_ALLOW_PRIVATE_NETWORKS ??= "true";
}
