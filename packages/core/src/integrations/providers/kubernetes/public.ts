// What packages/api and the apps use of the Kubernetes provider.
export { saveClusterIntegration, type SaveClusterInput } from "./save-cluster";
export { testClusterIntegration, type TestClusterInput } from "./test-cluster";
export type { ClusterAuthInput } from "./settings";
export type { KubernetesConfigView } from "./config-view";
export {
  kubernetesForEntity,
  kubernetesHealthForRefs,
  workloadsWithProblems,
  MAX_PROBLEM_ROWS,
  type EntityCluster,
  type EntityHealth,
  type WorkloadProblemRow,
} from "./read-state";
export { runClusterStep, ENTITIES_PER_STEP, type ClusterRuntime } from "./sync/run-step";
export { readOnlyClusterRole } from "@stagedoor/connectors";
export type {
  ClusterTestResult,
  EntityClusterState,
  Health as KubernetesHealth,
  PodView,
  WorkloadView,
  Problem as KubernetesProblemView,
} from "@stagedoor/connectors";
