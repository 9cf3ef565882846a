import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import { last4 } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { writeIntegration } from "../../save-integration";
import { findCluster } from "./open-cluster";
import {
  connectionFromInput,
  KUBERNETES_PROVIDER,
  validateInterval,
  type ClusterAuthInput,
  type ClusterConfig,
} from "./settings";
import { testClusterIntegration } from "./test-cluster";

export type SaveClusterInput = { id?: string; name: string; syncIntervalMinutes?: number; auth: ClusterAuthInput };

/**
 * Connects a cluster (or updates one). New credentials are tested first and a failed test
 * refuses the save with its message; the token or key is sealed, the config keeps the
 * server, the CA and hints. Saved credentials never go to a new server: a changed URL
 * needs them entered again (the same rule as GitHub's, issue 8 finding 1).
 */
export async function saveClusterIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveClusterInput,
): Promise<{ id: string }> {
  authorize(actor, "integrations.manage");
  const name = input.name.trim();
  if (!name || name.length > 100) {
    throw new AppError("BAD_REQUEST", "Give the cluster a name of 1-100 characters.", { name: "1-100 characters." });
  }
  const interval = validateInterval(input.syncIntervalMinutes);
  const existing = input.id ? await findCluster(db, input.id) : null;
  if (input.auth.type === "saved" && !existing) {
    throw new AppError("BAD_REQUEST", "Enter the cluster's URL and token, or upload a kubeconfig.", {
      auth: "Credentials are required for a new cluster.",
    });
  }
  const connection =
    input.auth.type === "saved"
      ? null
      : await connectionFromInput(input.auth, { allowPrivateNetworks: deps.allowPrivateNetworks });
  if (connection) {
    const result = await testClusterIntegration(db, actor, deps, { id: input.id, auth: input.auth });
    if (!result.ok) throw new AppError("BAD_REQUEST", `Not saved: the connection test failed. ${result.message}`);
  }
  const config: ClusterConfig = connection
    ? {
        server: connection.server,
        caData: connection.caData ?? null,
        authType: connection.auth.type,
        tokenLast4: connection.auth.type === "token" ? last4(connection.auth.token) : null,
        syncIntervalMinutes: interval,
      }
    : { ...existing!.config, syncIntervalMinutes: interval };
  return writeIntegration(db, actor, deps, {
    existing: existing && { row: existing.row, host: existing.config.server },
    provider: KUBERNETES_PROVIDER,
    label: "Kubernetes",
    name,
    config,
    host: config.server,
    credentials: connection?.auth ?? null,
    audit: {
      updated: { name, server: config.server, authType: config.authType, credentialsChanged: connection !== null },
      connected: { name, provider: KUBERNETES_PROVIDER, server: config.server, authType: config.authType },
    },
    intervalMinutes: interval,
  });
}
