import { defineProvider } from "../../provider";
import { clusterConfigView } from "./config-view";
import { clusterConfigSchema, clusterCredentialsSchema, KUBERNETES_PROVIDER, readClusterConfig } from "./settings";
import { initialClusterCheckpoint, runClusterStep } from "./sync/run-step";
import { testClusterIntegration } from "./test-cluster";

/**
 * Kubernetes clusters behind the provider contract: one integration per cluster, synced
 * every few minutes in bounded steps; what each catalog entity runs there (matched by
 * Backstage's annotations) is stored with its problems for the entity's Kubernetes tab.
 */
export const kubernetesProvider = defineProvider({
  kind: KUBERNETES_PROVIDER,
  label: "Kubernetes",
  configSchema: clusterConfigSchema,
  credentialsSchema: clusterCredentialsSchema,
  readConfig: readClusterConfig,
  syncIntervalMinutes: (config) => config.syncIntervalMinutes,
  view: (raw) => clusterConfigView(raw),
  testConnection: testClusterIntegration,
  sync: {
    initialCheckpoint: initialClusterCheckpoint,
    createRuntime: () => ({}),
    runStep: runClusterStep,
  },
  entityPage: [
    {
      tab: "kubernetes",
      label: "Kubernetes",
      appliesTo: (a) =>
        typeof a["backstage.io/kubernetes-id"] === "string" ||
        typeof a["backstage.io/kubernetes-label-selector"] === "string",
    },
  ],
});
