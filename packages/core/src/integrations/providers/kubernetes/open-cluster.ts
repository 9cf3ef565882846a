import { openKubernetesClient, type KubernetesClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { openCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { findIntegration, type IntegrationRow } from "../../find-integration";
import {
  clusterCredentialsSchema,
  connectionOf,
  KUBERNETES_PROVIDER,
  readClusterConfig,
  validateServer,
  type ClusterConfig,
  type ClusterCredentials,
} from "./settings";

export type ClusterIntegration = { row: IntegrationRow; config: ClusterConfig };

/** A kubernetes integration of the org; anything else (another provider, another org) is not found. */
export async function findCluster(db: TenantDb, id: string): Promise<ClusterIntegration> {
  const row = await findIntegration(db, id);
  if (row.provider !== KUBERNETES_PROVIDER) throw new AppError("NOT_FOUND", "Integration not found.");
  return { row, config: readClusterConfig(row.config) };
}

export function openClusterCredentials(deps: IntegrationDeps, cluster: ClusterIntegration): ClusterCredentials {
  try {
    return openCredentials(deps.secrets, cluster.row, clusterCredentialsSchema);
  } catch {
    throw new AppError("BAD_REQUEST", "The saved cluster credentials cannot be decrypted; enter them again.");
  }
}

/** The client of a saved cluster; its URL is checked again before every use. */
export async function openClusterClient(deps: IntegrationDeps, cluster: ClusterIntegration): Promise<KubernetesClient> {
  const errors: Record<string, string> = {};
  await validateServer(cluster.config.server, deps.allowPrivateNetworks, errors);
  if (errors.server) throw new AppError("BAD_REQUEST", errors.server);
  return openKubernetesClient(connectionOf(cluster.config, openClusterCredentials(deps, cluster)), {
    outbound: { allowPrivateNetworks: deps.allowPrivateNetworks },
    ...deps.kubernetes?.client,
  });
}
