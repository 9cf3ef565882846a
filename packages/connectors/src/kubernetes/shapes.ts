/**
 * The parts of Kubernetes objects Stagedoor reads, as the API serves them (apiVersion,
 * kind, metadata, spec, status). Structural, so the problem detector, the fake API server
 * and the sync share them without pulling client-node's generated classes into pure code.
 */
export type ObjectMeta = {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | Date;
  labels?: Record<string, string>;
  ownerReferences?: Array<{ kind: string; name: string; uid?: string }>;
};

export type ContainerState = {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string | Date };
  terminated?: { reason?: string; message?: string; exitCode: number; finishedAt?: string | Date };
};

export type ContainerStatus = {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state?: ContainerState;
  lastState?: ContainerState;
};

export type Condition = { type: string; status: string; reason?: string; message?: string };

export type Pod = {
  metadata: ObjectMeta;
  spec?: { containers: Array<{ name: string; image?: string }>; nodeName?: string };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    startTime?: string | Date;
  };
};

/** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, Services, Ingresses. */
export type Workload = {
  metadata: ObjectMeta;
  spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    conditions?: Condition[];
  };
};

export type HorizontalPodAutoscaler = {
  metadata: ObjectMeta;
  spec?: { maxReplicas: number; minReplicas?: number; scaleTargetRef: { kind: string; name: string } };
  status?: { currentReplicas?: number; desiredReplicas?: number };
};

/** The resources a sync lists, in the order it lists them; each is needed by the tab. */
export const WORKLOAD_RESOURCES = [
  { resource: "deployments", group: "apps", kind: "Deployment" },
  { resource: "replicasets", group: "apps", kind: "ReplicaSet" },
  { resource: "statefulsets", group: "apps", kind: "StatefulSet" },
  { resource: "daemonsets", group: "apps", kind: "DaemonSet" },
  { resource: "pods", group: "", kind: "Pod" },
  { resource: "horizontalpodautoscalers", group: "autoscaling", kind: "HorizontalPodAutoscaler" },
  { resource: "services", group: "", kind: "Service" },
  { resource: "ingresses", group: "networking.k8s.io", kind: "Ingress" },
  { resource: "jobs", group: "batch", kind: "Job" },
  { resource: "cronjobs", group: "batch", kind: "CronJob" },
] as const;

export type ResourceName = (typeof WORKLOAD_RESOURCES)[number]["resource"];
