import "server-only";
import { createBullSyncQueue, createSecretBox, parseKeyring, type IntegrationDeps } from "@stagedoor/core";
import { env } from "@/env";

// One keyring and one queue producer per server process (kept across dev-mode reloads).
const g = globalThis as unknown as { stagedoorIntegrations?: IntegrationDeps };

/**
 * What the integration procedures and the webhook route need: the secret box from
 * SECRETS_KEYS, the operator's private-network switch, and the BullMQ producer of the
 * integrations queue (the worker consumes it).
 */
export function integrationDeps(): IntegrationDeps {
  if (!g.stagedoorIntegrations) {
    const e = env();
    g.stagedoorIntegrations = {
      secrets: createSecretBox(parseKeyring(e.SECRETS_KEYS)),
      allowPrivateNetworks: e.OUTBOUND_ALLOW_PRIVATE_NETWORKS,
      // A request that enqueues should fail in seconds when Redis is down, not hang.
      queue: createBullSyncQueue({
        connection: { url: e.REDIS_URL, maxRetriesPerRequest: 2, connectTimeout: 2000 },
        prefix: e.QUEUE_PREFIX,
      }),
    };
  }
  return g.stagedoorIntegrations;
}
