"use client";

import { useQuery } from "@tanstack/react-query";
import type { KubernetesProblemView, PodView, WorkloadView } from "@stagedoor/core";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, Spinner } from "@/components/ui";
import { HealthBadge } from "@/components/kubernetes/health-badge";

function age(createdAt: string | null): string {
  if (!createdAt) return "—";
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(createdAt).getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}h`;
  return `${Math.floor(minutes / 1440)}d`;
}

/** The entity's Kubernetes tab: cluster → workload → pods, from stored state (no live calls). */
export function KubernetesTab({ entityRef, annotated }: { entityRef: string; annotated: boolean }) {
  const trpc = useTRPC();
  const clusters = useQuery({ ...trpc.kubernetes.forEntity.queryOptions({ ref: entityRef }), enabled: annotated });
  if (!annotated) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          Add the <code className="rounded bg-slate-100 px-1">backstage.io/kubernetes-id</code> annotation (or{" "}
          <code className="rounded bg-slate-100 px-1">backstage.io/kubernetes-label-selector</code>) to this entity, and
          label its Kubernetes objects to match, to see its workloads here.
        </p>
      </Card>
    );
  }
  if (clusters.isPending) return <Spinner label="Loading workloads" />;
  if (clusters.error) return <Alert>{errorInfo(clusters.error).message}</Alert>;
  if (!clusters.data.length) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          No workloads found for this entity in the connected clusters yet. They appear after the next cluster sync.
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      {clusters.data.map((c) => (
        <Card
          key={c.integrationId}
          title={
            <span className="flex items-center gap-2">
              Cluster {c.cluster} <HealthBadge health={c.state.health} stale={c.stale} />
            </span>
          }
          description={`Synced ${new Date(c.syncedAt).toLocaleString()}`}
        >
          {c.stale ? (
            <Alert tone="info">
              This cluster could not be reached on the last sync; what is shown is from{" "}
              {new Date(c.syncedAt).toLocaleString()}. {c.staleReason}
            </Alert>
          ) : null}
          {c.state.workloads.length === 0 ? (
            <p className="text-sm text-slate-500">No workloads match this entity in this cluster.</p>
          ) : (
            <div className="space-y-5">
              {c.state.workloads.map((w) => (
                <Workload key={`${w.kind}/${w.namespace}/${w.name}`} workload={w} />
              ))}
            </div>
          )}
          {c.state.services.length || c.state.ingresses.length ? (
            <p className="mt-4 text-xs text-slate-500">
              {c.state.services.length ? `Services: ${c.state.services.join(", ")}. ` : ""}
              {c.state.ingresses.length ? `Ingresses: ${c.state.ingresses.join(", ")}.` : ""}
            </p>
          ) : null}
        </Card>
      ))}
    </div>
  );
}

function Workload({ workload: w }: { workload: WorkloadView }) {
  return (
    <section aria-label={`${w.kind} ${w.name}`} className="space-y-2">
      <h3 className="text-sm font-semibold">
        {w.kind} {w.name}
        {w.namespace ? <span className="font-normal text-slate-500"> · namespace {w.namespace}</span> : null}
        {w.replicas ? (
          <span className="font-normal text-slate-500">
            {" "}
            · {w.replicas.ready}/{w.replicas.desired} ready
          </span>
        ) : null}
      </h3>
      {w.problems.map((p, i) => (
        <ProblemNote key={i} problem={p} />
      ))}
      {w.pods.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Pods of {w.name}</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1 pr-4">Pod</th>
                <th className="py-1 pr-4">Status</th>
                <th className="py-1 pr-4">Ready</th>
                <th className="py-1 pr-4">Restarts</th>
                <th className="py-1 pr-4">Age</th>
                <th className="py-1 pr-4">Image</th>
              </tr>
            </thead>
            <tbody>
              {w.pods.map((p) => (
                <PodRow key={p.name} pod={p} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function PodRow({ pod }: { pod: PodView }) {
  return (
    <>
      <tr className="border-t border-slate-100">
        <td className="py-1 pr-4 font-mono text-xs">{pod.name}</td>
        <td
          className={`py-1 pr-4 ${pod.problems.some((p) => p.severity === "error") ? "font-medium text-red-700" : ""}`}
        >
          {pod.status}
        </td>
        <td className="py-1 pr-4">{pod.ready}</td>
        <td className="py-1 pr-4">{pod.restarts}</td>
        <td className="py-1 pr-4">{age(pod.createdAt)}</td>
        <td className="py-1 pr-4 font-mono text-xs">{pod.images.join(", ")}</td>
      </tr>
      {pod.problems.length ? (
        <tr>
          <td colSpan={6} className="pb-2">
            {pod.problems.map((p, i) => (
              <ProblemNote key={i} problem={p} />
            ))}
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function ProblemNote({ problem }: { problem: KubernetesProblemView }) {
  return (
    <div
      role="note"
      aria-label={`Problem: ${problem.type}`}
      className={`rounded-md border p-2 text-sm ${problem.severity === "error" ? "border-red-200 bg-red-50" : "border-amber-200 bg-amber-50"}`}
    >
      <p className="font-medium">
        {problem.severity === "error" ? "Error" : "Warning"}: {problem.type}
        {problem.container ? ` (container ${problem.container})` : ""}
      </p>
      <p className="font-mono text-xs text-slate-700">{problem.message}</p>
      <p className="mt-1">{problem.explanation}</p>
      <p className="mt-1">
        <span className="font-medium">Suggested fix:</span> {problem.fix}
      </p>
    </div>
  );
}
