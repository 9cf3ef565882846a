import { testClusterConnection, type ClusterTestResult } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import type { IntegrationDeps } from "../../deps";
import { assertIntegrationRoom } from "../../../billing/plan-capabilities";
import { KUBERNETES_PROVIDER } from "./settings";
import { findCluster, openClusterCredentials } from "./open-cluster";
import { connectionFromInput, connectionOf, validateServer, type ClusterAuthInput } from "./settings";

export type TestClusterInput = { id?: string; auth: ClusterAuthInput };

/**
 * "Test connection" with what the form holds (nothing saved) or the saved credentials:
 * the server version and which needed resources are listable, or the exact problem.
 */
export async function testClusterIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: TestClusterInput,
): Promise<ClusterTestResult> {
  authorize(actor, "integrations.manage");
  // A new cluster the plan would refuse is refused before the cluster is contacted.
  if (!input.id) await assertIntegrationRoom(db, { provider: KUBERNETES_PROVIDER, label: "Kubernetes" });
  let connection;
  if (input.auth.type === "saved") {
    if (!input.id) throw new AppError("BAD_REQUEST", "There are no saved credentials to test yet.");
    const cluster = await findCluster(db, input.id);
    const errors: Record<string, string> = {};
    await validateServer(cluster.config.server, deps.allowPrivateNetworks, errors);
    if (errors.server) return { ok: false, code: "non-public-address", message: errors.server };
    connection = connectionOf(cluster.config, openClusterCredentials(deps, cluster));
  } else {
    connection = await connectionFromInput(input.auth, { allowPrivateNetworks: deps.allowPrivateNetworks });
  }
  return testClusterConnection(connection, {
    outbound: { allowPrivateNetworks: deps.allowPrivateNetworks },
    ...deps.kubernetes?.client,
  });
}
