import { createMemoryEtagCache, type EtagCache, type GitHubClient } from "@stagedoor/connectors";
import type { IntegrationDeps } from "../../deps";
import type { FingerprintStore } from "../../sync/fingerprint-store";
import { openGitHubClient, type GitHubIntegration } from "./open-client";
import { createPagePrefetch } from "./sync/page-prefetch";
import type { SyncRuntime } from "./sync/run-step";

// Long enough to span a sync's steps, short enough that the base URL's address check
// (made when a client is opened) is repeated regularly.
const CLIENT_TTL_MS = 10 * 60_000;
const MAX_CLIENTS = 200;

/**
 * One GitHub client per integration and settings version, kept between the steps of a sync
 * in this process: an app's installation token is minted once rather than once per step,
 * and the client's view of the rate limit carries over. ETags are kept per process too.
 * It lives beside the client opener (not in the worker) so a step goes worker → core only;
 * the worker passes the fingerprint store once.
 */
export function createSyncRuntime(
  deps: IntegrationDeps,
  fingerprints?: FingerprintStore,
): SyncRuntime & { clear(): void } {
  const clients = new Map<string, { client: GitHubClient; expires: number }>();
  const etagCache: EtagCache = createMemoryEtagCache(50_000);
  return {
    etagCache,
    prefetch: createPagePrefetch(),
    ...(fingerprints ? { fingerprints } : {}),
    async clientFor(integration: GitHubIntegration) {
      const key = `${integration.row.id}@${integration.row.updatedAt.getTime()}`;
      const cached = clients.get(key);
      if (cached && cached.expires > Date.now()) return cached.client;
      const client = await openGitHubClient(deps, integration);
      clients.delete(key);
      clients.set(key, { client, expires: Date.now() + CLIENT_TTL_MS });
      if (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
      return client;
    },
    clear: () => clients.clear(),
  };
}
