import { openKubernetesClient, statusOf, type ClusterConnection, type KubernetesClientOptions } from "./client";
import { clusterProblem, UNAUTHORIZED, type ClusterProblem } from "./connection-problem";
import { WORKLOAD_RESOURCES, type ResourceName } from "./shapes";

export type ResourceAccess = { resource: ResourceName; group: string; listable: boolean; problem: string | null };

export type ClusterTestResult =
  | { ok: true; serverVersion: string; resources: ResourceAccess[]; missing: ResourceName[] }
  | ({ ok: false } & ClusterProblem);

/**
 * "Test connection": the server version, then one `limit=1` list of every resource a sync
 * needs at cluster scope, so the answer names each resource the credentials may not list
 * (with the server's 403 message) instead of failing on the first.
 */
export async function testClusterConnection(
  connection: ClusterConnection,
  options: KubernetesClientOptions = {},
): Promise<ClusterTestResult> {
  const client = openKubernetesClient(connection, { timeoutMs: 10_000, ...options });
  let serverVersion: string;
  try {
    serverVersion = (await client.version()).gitVersion;
  } catch (error) {
    return { ok: false, ...clusterProblem(error, connection.server) };
  }
  const resources = await Promise.all(
    WORKLOAD_RESOURCES.map(async ({ resource, group }): Promise<ResourceAccess> => {
      try {
        await client.list(resource, { limit: 1 });
        return { resource, group, listable: true, problem: null };
      } catch (error) {
        if (statusOf(error)?.code === 401) return { resource, group, listable: false, problem: "401 Unauthorized" };
        return { resource, group, listable: false, problem: clusterProblem(error, connection.server).message };
      }
    }),
  );
  if (resources.some((r) => r.problem === "401 Unauthorized")) {
    return { ok: false, ...UNAUTHORIZED };
  }
  return { ok: true, serverVersion, resources, missing: resources.filter((r) => !r.listable).map((r) => r.resource) };
}

/** The read-only ClusterRole and binding the page shows for copy and paste. */
export function readOnlyClusterRole(serviceAccount = "stagedoor-reader", namespace = "stagedoor"): string {
  const rules = [
    { group: "", resources: ["pods", "services"] },
    { group: "apps", resources: ["deployments", "replicasets", "statefulsets", "daemonsets"] },
    { group: "autoscaling", resources: ["horizontalpodautoscalers"] },
    { group: "networking.k8s.io", resources: ["ingresses"] },
    { group: "batch", resources: ["jobs", "cronjobs"] },
  ];
  return [
    "apiVersion: v1",
    "kind: ServiceAccount",
    "metadata:",
    `  name: ${serviceAccount}`,
    `  namespace: ${namespace}`,
    "---",
    "apiVersion: rbac.authorization.k8s.io/v1",
    "kind: ClusterRole",
    "metadata:",
    "  name: stagedoor-read-only",
    "rules:",
    ...rules.flatMap((r) => [
      `  - apiGroups: ["${r.group}"]`,
      `    resources: [${r.resources.map((x) => `"${x}"`).join(", ")}]`,
      `    verbs: ["get", "list", "watch"]`,
    ]),
    "---",
    "apiVersion: rbac.authorization.k8s.io/v1",
    "kind: ClusterRoleBinding",
    "metadata:",
    "  name: stagedoor-read-only",
    "roleRef:",
    "  apiGroup: rbac.authorization.k8s.io",
    "  kind: ClusterRole",
    "  name: stagedoor-read-only",
    "subjects:",
    "  - kind: ServiceAccount",
    `    name: ${serviceAccount}`,
    `    namespace: ${namespace}`,
    "---",
    "# A long-lived token for the service account (Kubernetes 1.24+):",
    "apiVersion: v1",
    "kind: Secret",
    "metadata:",
    `  name: ${serviceAccount}-token`,
    `  namespace: ${namespace}`,
    "  annotations:",
    `    kubernetes.io/service-account.name: ${serviceAccount}`,
    "type: kubernetes.io/service-account-token",
    "",
  ].join("\n");
}
