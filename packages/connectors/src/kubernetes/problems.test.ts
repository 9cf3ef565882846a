import { describe, expect, it } from "vitest";
import { hpaProblems, podProblems, workloadProblems } from "./problems";
import type { ContainerStatus, Pod } from "./shapes";

function pod(statuses: Partial<ContainerStatus>[], extra: Partial<NonNullable<Pod["status"]>> = {}): Pod {
  return {
    metadata: { name: "api-7d9f-abcde", namespace: "shop" },
    status: {
      phase: "Running",
      containerStatuses: statuses.map((s) => ({
        name: "app",
        image: "shop/api:1.2",
        ready: false,
        restartCount: 0,
        ...s,
      })),
      ...extra,
    },
  };
}

describe("pod problems", () => {
  it("explains CrashLoopBackOff with the last exit code", () => {
    const [problem, ...rest] = podProblems(
      pod([
        {
          restartCount: 7,
          state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s restarting failed container" } },
          lastState: { terminated: { reason: "Error", exitCode: 1 } },
        },
      ]),
    );
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      type: "CrashLoopBackOff",
      severity: "error",
      kind: "Pod",
      namespace: "shop",
      name: "api-7d9f-abcde",
      container: "app",
      message: "CrashLoopBackOff: back-off 5m0s restarting failed container",
    });
    expect(problem?.explanation).toContain("7 restarts");
    expect(problem?.explanation).toContain("exit code 1");
    expect(problem?.fix).toContain("kubectl logs --previous");
  });

  it("suggests more memory when the crash loop is OOMKilled", () => {
    const [problem] = podProblems(
      pod([
        {
          restartCount: 4,
          state: { waiting: { reason: "CrashLoopBackOff" } },
          lastState: { terminated: { reason: "OOMKilled", exitCode: 137 } },
        },
      ]),
    );
    expect(problem?.explanation).toContain("OOMKilled (exit code 137)");
    expect(problem?.fix).toContain("memory limit");
  });

  it.each([
    ["ImagePullBackOff", "ImagePullBackOff", "imagePullSecrets"],
    ["ErrImagePull", "ImagePullBackOff", "imagePullSecrets"],
    ["InvalidImageName", "InvalidImageName", "registry/repository:tag"],
    ["CreateContainerConfigError", "CreateContainerConfigError", "Secret or ConfigMap"],
  ])("explains %s", (reason, type, fixText) => {
    const problems = podProblems(pod([{ state: { waiting: { reason, message: "details" } } }], { phase: "Pending" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ type, severity: "error", message: `${reason}: details` });
    expect(problems[0]?.fix).toContain(fixText);
  });

  it("ignores a container that is merely starting", () => {
    expect(podProblems(pod([{ state: { waiting: { reason: "ContainerCreating" } } }], { phase: "Pending" }))).toEqual(
      [],
    );
  });

  it("reports restarts with the last termination reason, OOMKilled as an error", () => {
    const [oom] = podProblems(
      pod([
        {
          ready: true,
          restartCount: 5,
          state: { running: {} },
          lastState: { terminated: { reason: "OOMKilled", exitCode: 137 } },
        },
      ]),
    );
    expect(oom).toMatchObject({
      type: "Restarts",
      severity: "error",
      message: "5 restarts; last terminated with OOMKilled (exit code 137)",
    });
    const [error] = podProblems(
      pod([
        {
          ready: true,
          restartCount: 3,
          state: { running: {} },
          lastState: { terminated: { reason: "Error", exitCode: 2 } },
        },
      ]),
    );
    expect(error).toMatchObject({
      type: "Restarts",
      severity: "warning",
      message: "3 restarts; last terminated with exit code 2",
    });
    expect(podProblems(pod([{ ready: true, restartCount: 2, state: { running: {} } }]))).toEqual([]);
  });

  it("reports a running container whose readiness probe fails", () => {
    const problems = podProblems(
      pod([{ ready: false, state: { running: {} } }], {
        conditions: [
          {
            type: "Ready",
            status: "False",
            reason: "ContainersNotReady",
            message: "containers with unready status: [app]",
          },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        type: "ReadinessFailing",
        severity: "warning",
        container: "app",
        message: "containers with unready status: [app]",
      }),
    ]);
  });

  it("reports a pending pod no node can take, with the scheduler's message", () => {
    const problems = podProblems({
      metadata: { name: "worker-0", namespace: "jobs" },
      status: {
        phase: "Pending",
        conditions: [
          {
            type: "PodScheduled",
            status: "False",
            reason: "Unschedulable",
            message: "0/3 nodes are available: 3 Insufficient memory.",
          },
        ],
      },
    });
    expect(problems).toEqual([
      expect.objectContaining({
        type: "Unschedulable",
        container: null,
        message: "0/3 nodes are available: 3 Insufficient memory.",
      }),
    ]);
  });

  it("finds nothing wrong with a healthy pod", () => {
    expect(
      podProblems(
        pod([{ ready: true, restartCount: 0, state: { running: {} } }], {
          conditions: [{ type: "Ready", status: "True" }],
        }),
      ),
    ).toEqual([]);
  });
});

describe("workload and autoscaler problems", () => {
  it("reports a deployment's False condition with its message", () => {
    const problems = workloadProblems("Deployment", {
      metadata: { name: "api", namespace: "shop" },
      status: {
        conditions: [
          { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
          {
            type: "Progressing",
            status: "False",
            reason: "ProgressDeadlineExceeded",
            message: 'ReplicaSet "api-7d9f" has timed out progressing.',
          },
        ],
      },
    });
    expect(problems).toEqual([
      expect.objectContaining({
        type: "DeploymentCondition",
        kind: "Deployment",
        name: "api",
        message: 'Progressing is False (ProgressDeadlineExceeded): ReplicaSet "api-7d9f" has timed out progressing.',
      }),
    ]);
    expect(problems[0]?.explanation).toContain("progress deadline");
  });

  it("reports ReplicaFailure when it is True", () => {
    const problems = workloadProblems("Deployment", {
      metadata: { name: "api" },
      status: {
        conditions: [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate", message: "exceeded quota" }],
      },
    });
    expect(problems.map((p) => p.message)).toEqual(["ReplicaFailure is True (FailedCreate): exceeded quota"]);
    expect(problems[0]?.namespace).toBe("default");
  });

  it("reports an HPA at its maximum and not one below it", () => {
    const hpa = (current: number, desired: number) => ({
      metadata: { name: "api", namespace: "shop" },
      spec: { maxReplicas: 10, minReplicas: 2, scaleTargetRef: { kind: "Deployment", name: "api" } },
      status: { currentReplicas: current, desiredReplicas: desired },
    });
    expect(hpaProblems(hpa(10, 14))).toEqual([
      expect.objectContaining({
        type: "HpaAtMax",
        severity: "warning",
        message: "10 of at most 10 replicas (14 wanted)",
      }),
    ]);
    expect(hpaProblems(hpa(6, 7))).toEqual([]);
  });
});
