import {
  createBullSyncQueue,
  createSecretBox,
  parseKeyring,
  type BullSyncQueue,
  type IntegrationDeps,
} from "@stagedoor/core";

let queue: BullSyncQueue | undefined;

/** The run's integrations queue (prefix from the integration tier's global setup), opened on first use. */
export function testSyncQueue(): BullSyncQueue {
  queue ??= createBullSyncQueue({
    connection: { url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379", maxRetriesPerRequest: null },
    prefix: process.env.QUEUE_PREFIX ?? "stagedoor-test",
  });
  return queue;
}

/** Integration deps as apps/web builds them, from the test run's environment. */
export function testIntegrationDeps(overrides: Partial<IntegrationDeps> = {}): IntegrationDeps {
  const lazyQueue: IntegrationDeps["queue"] = {
    enqueueStep: (...args) => testSyncQueue().enqueueStep(...args),
    enqueue: (...args) => testSyncQueue().enqueue(...args),
    upsertSchedule: (...args) => testSyncQueue().upsertSchedule(...args),
    removeSchedule: (...args) => testSyncQueue().removeSchedule(...args),
  };
  return {
    secrets: createSecretBox(parseKeyring(process.env.SECRETS_KEYS ?? "")),
    allowPrivateNetworks: process.env.OUTBOUND_ALLOW_PRIVATE_NETWORKS === "true",
    queue: lazyQueue,
    ...overrides,
  };
}
