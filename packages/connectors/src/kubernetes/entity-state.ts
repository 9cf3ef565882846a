import { hpaProblems, podProblems, workloadProblems, type Problem } from "./problems";
import type { HorizontalPodAutoscaler, ObjectMeta, Pod, ResourceName, Workload } from "./shapes";

export type PodView = {
  name: string;
  namespace: string;
  phase: string;
  /** What kubectl shows in STATUS: a waiting reason when there is one, else the phase. */
  status: string;
  ready: string;
  restarts: number;
  createdAt: string | null;
  images: string[];
  problems: Problem[];
};

export type WorkloadView = {
  kind: string;
  name: string;
  namespace: string;
  /** ready/desired for controllers with replicas; null for jobs and cron jobs. */
  replicas: { ready: number; desired: number } | null;
  pods: PodView[];
  problems: Problem[];
};

export type Health = "healthy" | "warning" | "error" | "unknown";

export type EntityClusterState = {
  workloads: WorkloadView[];
  /** Services, ingresses and HPAs are shown by name only. */
  services: string[];
  ingresses: string[];
  problems: Problem[];
  health: Health;
  podCount: number;
};

export type MatchedObjects = Partial<Record<ResourceName, unknown[]>>;

/**
 * Turns the objects listed for one entity in one cluster into what its Kubernetes tab
 * shows: workloads with their pods (pods find their workload through ownerReferences,
 * ReplicaSet → Deployment and Job → CronJob followed), and every problem found.
 */
export function buildEntityState(objects: MatchedObjects): EntityClusterState {
  const list = <T>(r: ResourceName) => (objects[r] ?? []) as T[];
  const key = (kind: string, m: ObjectMeta) => `${kind}/${m.namespace ?? "default"}/${m.name}`;
  const workloads = new Map<string, WorkloadView>();
  const add = (kind: string, w: Workload) => {
    const desired = w.spec?.replicas ?? w.status?.replicas ?? 0;
    workloads.set(key(kind, w.metadata), {
      kind,
      name: w.metadata.name,
      namespace: w.metadata.namespace ?? "default",
      replicas: kind === "Job" || kind === "CronJob" ? null : { ready: w.status?.readyReplicas ?? 0, desired },
      pods: [],
      problems:
        kind === "Deployment" || kind === "StatefulSet" || kind === "DaemonSet" ? workloadProblems(kind, w) : [],
    });
  };
  for (const w of list<Workload>("deployments")) add("Deployment", w);
  for (const w of list<Workload>("statefulsets")) add("StatefulSet", w);
  for (const w of list<Workload>("daemonsets")) add("DaemonSet", w);
  for (const w of list<Workload>("jobs")) add("Job", w);
  for (const w of list<Workload>("cronjobs")) add("CronJob", w);

  // ReplicaSet → Deployment, Job → CronJob: the owner a pod's owner points at.
  const parents = new Map<string, { kind: string; name: string }>();
  for (const rs of list<Workload>("replicasets")) {
    const owner = rs.metadata.ownerReferences?.find((o) => o.kind === "Deployment");
    if (owner) parents.set(key("ReplicaSet", rs.metadata), owner);
  }
  for (const job of list<Workload>("jobs")) {
    const owner = job.metadata.ownerReferences?.find((o) => o.kind === "CronJob");
    if (owner) parents.set(key("Job", job.metadata), owner);
  }

  // A CronJob's jobs are shown through the CronJob.
  for (const [jobKey, parent] of parents) if (parent.kind === "CronJob") workloads.delete(jobKey);

  const workloadOf = (namespace: string, owner: { kind: string; name: string } | undefined) => {
    let current = owner;
    for (let hop = 0; current && hop < 3; hop++) {
      const k = `${current.kind}/${namespace}/${current.name}`;
      const parent = parents.get(k);
      if (!parent) return workloads.get(k);
      current = parent;
    }
    return undefined;
  };

  const unowned: PodView[] = [];
  let podCount = 0;
  for (const pod of list<Pod>("pods")) {
    podCount++;
    const view = podView(pod);
    const workload = workloadOf(view.namespace, pod.metadata.ownerReferences?.[0]);
    if (workload) workload.pods.push(view);
    else unowned.push(view);
  }
  if (unowned.length) {
    workloads.set("Pod/-/-", {
      kind: "Pods",
      name: "without a listed workload",
      namespace: "",
      replicas: null,
      pods: unowned,
      problems: [],
    });
  }
  const orphanProblems: Problem[] = [];
  for (const hpa of list<HorizontalPodAutoscaler>("horizontalpodautoscalers")) {
    const target = hpa.spec?.scaleTargetRef;
    const workload = target
      ? workloads.get(`${target.kind}/${hpa.metadata.namespace ?? "default"}/${target.name}`)
      : undefined;
    (workload ? workload.problems : orphanProblems).push(...hpaProblems(hpa));
  }
  const views = [...workloads.values()].sort((a, b) =>
    `${a.namespace}/${a.kind}/${a.name}`.localeCompare(`${b.namespace}/${b.kind}/${b.name}`),
  );
  const problems = [...views.flatMap((w) => [...w.problems, ...w.pods.flatMap((p) => p.problems)]), ...orphanProblems];
  return {
    workloads: views,
    services: list<Workload>("services")
      .map((s) => s.metadata.name)
      .sort(),
    ingresses: list<Workload>("ingresses")
      .map((s) => s.metadata.name)
      .sort(),
    problems,
    health: healthOf(problems),
    podCount,
  };
}

export function healthOf(problems: readonly Pick<Problem, "severity">[]): Health {
  if (problems.some((p) => p.severity === "error")) return "error";
  if (problems.length) return "warning";
  return "healthy";
}

function podView(pod: Pod): PodView {
  const statuses = pod.status?.containerStatuses ?? [];
  const waiting = statuses.map((s) => s.state?.waiting?.reason).find(Boolean);
  const created = pod.metadata.creationTimestamp;
  return {
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? "default",
    phase: pod.status?.phase ?? "Unknown",
    status: waiting ?? pod.status?.reason ?? pod.status?.phase ?? "Unknown",
    ready: `${statuses.filter((s) => s.ready).length}/${statuses.length || (pod.spec?.containers.length ?? 0)}`,
    restarts: statuses.reduce((sum, s) => sum + s.restartCount, 0),
    createdAt: created ? new Date(created).toISOString() : null,
    images: statuses.length ? statuses.map((s) => s.image) : (pod.spec?.containers ?? []).map((c) => c.image ?? ""),
    problems: podProblems(pod),
  };
}
