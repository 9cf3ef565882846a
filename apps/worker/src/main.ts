import { Redis } from "ioredis";
import { createSecretBox, parseKeyring, stripeBilling } from "@stagedoor/core";
import { createDatabase } from "@stagedoor/db";
import { loadEnv } from "./env";
import { startSyncWorker } from "./sync-worker";
import { startWorker } from "./worker";
import { startInsightsWorker } from "./insights-worker";

let env;
try {
  env = loadEnv();
} catch (e) {
  console.error(`\nStagedoor worker cannot start. ${(e as Error).message}\n`);
  process.exit(1);
}

// BullMQ needs maxRetriesPerRequest: null on worker connections (blocking commands).
const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
const db = createDatabase({ url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE });
const running = await startWorker({
  db,
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  orphanGraceHours: env.CATALOG_ORPHAN_GRACE_HOURS,
});
const syncing = await startSyncWorker({
  db,
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  secrets: createSecretBox(parseKeyring(env.SECRETS_KEYS)),
  allowPrivateNetworks: env.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
  orgSlots: env.SYNC_ORG_CONCURRENCY,
  billing: env.STRIPE_SECRET_KEY
    ? stripeBilling({ secretKey: env.STRIPE_SECRET_KEY, apiBase: env.STRIPE_API_BASE, prices: env.STRIPE_PRICES })
    : undefined,
});
const insights = await startInsightsWorker({
  db,
  connection,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.INSIGHTS_WORKER_CONCURRENCY,
  schedules: { "insights.rollup": { every: env.INSIGHTS_ROLLUP_EVERY_SECONDS * 1000 } },
});
console.log(`[worker] started (prefix ${env.QUEUE_PREFIX}, concurrency ${env.WORKER_CONCURRENCY})`);

// Graceful shutdown: finish in-flight jobs, then release Redis and Postgres.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing in-flight jobs`);
  await Promise.all([running.close(), syncing.close(), insights.close()]);
  connection.disconnect();
  await db.disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
