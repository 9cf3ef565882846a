import type { Condition, ContainerStatus, HorizontalPodAutoscaler, Pod, Workload } from "./shapes";

export type ProblemType =
  | "CrashLoopBackOff"
  | "ImagePullBackOff"
  | "InvalidImageName"
  | "CreateContainerConfigError"
  | "Restarts"
  | "ReadinessFailing"
  | "DeploymentCondition"
  | "HpaAtMax"
  | "Unschedulable";

export type Problem = {
  type: ProblemType;
  severity: "error" | "warning";
  /** The object it is about (a pod, a deployment, an HPA). */
  kind: string;
  namespace: string;
  name: string;
  container: string | null;
  /** What Kubernetes said, as it said it. */
  message: string;
  /** What that means, in a sentence. */
  explanation: string;
  /** What usually fixes it. */
  fix: string;
};

/** Restarts at or above this count are a problem even when the pod is running now. */
export const RESTART_THRESHOLD = 3;

type Base = Pick<Problem, "kind" | "namespace" | "name">;

const baseOf = (kind: string, meta: { name: string; namespace?: string }): Base => ({
  kind,
  namespace: meta.namespace ?? "default",
  name: meta.name,
});

/** Everything wrong with one pod: waiting reasons, restarts, readiness, scheduling. */
export function podProblems(pod: Pod): Problem[] {
  const base = baseOf("Pod", pod.metadata);
  const problems: Problem[] = [];
  const statuses: ContainerStatus[] = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const status of statuses) {
    const waiting = status.state?.waiting;
    const waitingProblem = waiting?.reason ? waitingReasonProblem(base, status, waiting) : null;
    if (waitingProblem) problems.push(waitingProblem);
    // CrashLoopBackOff already names the restarts and their cause.
    if (waitingProblem?.type !== "CrashLoopBackOff" && status.restartCount >= RESTART_THRESHOLD) {
      problems.push(restartProblem(base, status));
    }
  }
  const phase = pod.status?.phase;
  const scheduled = findCondition(pod.status?.conditions, "PodScheduled");
  if (phase === "Pending" && scheduled?.status === "False" && scheduled.reason === "Unschedulable") {
    problems.push({
      ...base,
      type: "Unschedulable",
      severity: "error",
      container: null,
      message: scheduled.message ?? "0 nodes are available.",
      explanation: "No node can take this pod, so it stays Pending and never starts.",
      fix: "Lower the pod's CPU/memory requests, add nodes (or let the cluster autoscaler), or fix node selectors, affinity and taint tolerations that rule nodes out.",
    });
  }
  const ready = findCondition(pod.status?.conditions, "Ready");
  const running = phase === "Running";
  const anyWaitingProblem = problems.some((p) => p.type !== "Restarts");
  if (running && ready?.status === "False" && !anyWaitingProblem) {
    const notReady = (pod.status?.containerStatuses ?? []).filter((c) => !c.ready && c.state?.running);
    for (const status of notReady) {
      problems.push({
        ...base,
        type: "ReadinessFailing",
        severity: "warning",
        container: status.name,
        message: ready.message ?? `containers with unready status: [${status.name}]`,
        explanation:
          "The container runs but its readiness probe fails, so the pod receives no traffic from its Services.",
        fix: "Check the readiness probe's path, port and timeouts against the application, and the application's logs for why it is not ready (a dependency it cannot reach is common).",
      });
    }
  }
  return problems;
}

function waitingReasonProblem(
  base: Base,
  status: ContainerStatus,
  waiting: { reason?: string; message?: string },
): Problem | null {
  const said = waiting.message ? `${waiting.reason}: ${waiting.message}` : (waiting.reason ?? "");
  const common = { ...base, severity: "error" as const, container: status.name, message: said };
  switch (waiting.reason) {
    case "CrashLoopBackOff": {
      const last = status.lastState?.terminated;
      const cause = last ? ` It last exited with ${terminationText(last)}.` : "";
      return {
        ...common,
        type: "CrashLoopBackOff",
        explanation: `The container starts and then exits, again and again (${status.restartCount} restarts); Kubernetes waits longer before each new start.${cause}`,
        fix:
          last?.reason === "OOMKilled"
            ? "The container ran out of memory: raise its memory limit or reduce its memory use."
            : "Read the logs of the previous run (kubectl logs --previous) for the error at startup; check its command, environment variables, config and the services it needs at start.",
      };
    }
    case "ImagePullBackOff":
    case "ErrImagePull":
      return {
        ...common,
        type: "ImagePullBackOff",
        explanation: `The node cannot pull the image ${status.image}, so the container never starts.`,
        fix: "Check that the image name and tag exist in the registry, and that the pod's imagePullSecrets (or the node's credentials) may read a private registry.",
      };
    case "InvalidImageName":
      return {
        ...common,
        type: "InvalidImageName",
        explanation: `The image reference ${status.image} is not a valid image name, so it cannot be pulled.`,
        fix: "Fix the image field of the container: registry/repository:tag or @sha256 digest, lowercase repository, no spaces.",
      };
    case "CreateContainerConfigError":
      return {
        ...common,
        type: "CreateContainerConfigError",
        explanation:
          "Kubernetes cannot build the container's configuration, usually because a Secret or ConfigMap (or a key in it) that the pod references does not exist.",
        fix: "Create the missing Secret or ConfigMap (or key) in the pod's namespace, or correct the reference in the pod spec.",
      };
    default:
      return null;
  }
}

function restartProblem(base: Base, status: ContainerStatus): Problem {
  const last = status.lastState?.terminated;
  const oom = last?.reason === "OOMKilled";
  return {
    ...base,
    type: "Restarts",
    severity: oom ? "error" : "warning",
    container: status.name,
    message: last
      ? `${status.restartCount} restarts; last terminated with ${terminationText(last)}`
      : `${status.restartCount} restarts`,
    explanation: oom
      ? "The container was killed for using more memory than its limit, and restarted."
      : last
        ? `The container exited and was restarted ${status.restartCount} times; it last exited with ${terminationText(last)}.`
        : `The container was restarted ${status.restartCount} times.`,
    fix: oom
      ? "Raise the container's memory limit, or find what makes its memory grow (a leak, a cache without a bound)."
      : "Read the logs of the previous run (kubectl logs --previous); a non-zero exit code is the application failing, exit code 137 without OOMKilled is a kill from outside (liveness probe, eviction).",
  };
}

function terminationText(t: { reason?: string; exitCode: number }): string {
  return t.reason && t.reason !== "Error" ? `${t.reason} (exit code ${t.exitCode})` : `exit code ${t.exitCode}`;
}

/** Deployments (and StatefulSets, DaemonSets) whose conditions say False, with the message. */
export function workloadProblems(kind: string, workload: Workload): Problem[] {
  const base = baseOf(kind, workload.metadata);
  return (workload.status?.conditions ?? [])
    .filter(
      (c) =>
        (c.status === "False" && (c.type === "Available" || c.type === "Progressing")) ||
        (c.type === "ReplicaFailure" && c.status === "True"),
    )
    .map((c) => ({
      ...base,
      type: "DeploymentCondition" as const,
      severity: "error" as const,
      container: null,
      message: `${c.type} is ${c.status}${c.reason ? ` (${c.reason})` : ""}${c.message ? `: ${c.message}` : ""}`,
      explanation: conditionExplanation(kind, c),
      fix: conditionFix(c),
    }));
}

function conditionExplanation(kind: string, c: Condition): string {
  if (c.reason === "ProgressDeadlineExceeded") {
    return `The ${kind}'s rollout made no progress within its progress deadline: new pods do not become ready.`;
  }
  if (c.type === "Available") return `The ${kind} has fewer available replicas than it needs.`;
  if (c.type === "ReplicaFailure") return `The ${kind} cannot create its pods.`;
  return `Kubernetes reports the ${kind}'s ${c.type} condition as ${c.status}.`;
}

function conditionFix(c: Condition): string {
  if (c.type === "ReplicaFailure") {
    return "Read the message: quota exceeded, a refused admission (policy, security context) or a missing service account are the usual causes.";
  }
  return "Look at the problems of its pods below; roll back (kubectl rollout undo) if a new version broke it.";
}

/** An HPA that wants more replicas than it may have, or sits at its maximum. */
export function hpaProblems(hpa: HorizontalPodAutoscaler): Problem[] {
  const max = hpa.spec?.maxReplicas;
  const current = hpa.status?.currentReplicas ?? 0;
  const desired = hpa.status?.desiredReplicas ?? 0;
  if (max === undefined || Math.max(current, desired) < max) return [];
  const target = hpa.spec?.scaleTargetRef;
  return [
    {
      ...baseOf("HorizontalPodAutoscaler", hpa.metadata),
      type: "HpaAtMax",
      severity: "warning",
      container: null,
      message: `${current} of at most ${max} replicas${desired > max ? ` (${desired} wanted)` : ""}`,
      explanation: `The autoscaler of ${target ? `${target.kind} ${target.name}` : "its target"} is at its maximum replicas, so it cannot add capacity if load grows.`,
      fix: "Raise maxReplicas if the cluster has room, or make each replica handle more (resources, efficiency); check whether the load is expected.",
    },
  ];
}

function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}
