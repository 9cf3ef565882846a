"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Spinner } from "@/components/ui";
import { PlanLock, useIntegrationLock } from "@/components/billing/plan-lock";
import { ClusterConnectionForm } from "./cluster-connection-form";

/** Connected clusters (status, last sync, Sync now) and the form to add one. */
export function ClustersPanel({ onConnected }: { onConnected?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clusters = useQuery({ ...trpc.kubernetes.clusters.queryOptions(), refetchInterval: 5000 });
  const [adding, setAdding] = useState(false);
  const syncNow = useMutation(trpc.integrations.syncNow.mutationOptions());
  const remove = useMutation(trpc.integrations.delete.mutationOptions({ onSettled: () => void refresh() }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.kubernetes.clusters.queryKey() });
  const lockOf = useIntegrationLock(clusters.data?.map(() => ({ provider: "kubernetes" })));

  if (clusters.isPending) return <Spinner label="Loading clusters" />;
  if (clusters.error) return <Alert>{errorInfo(clusters.error).message}</Alert>;
  return (
    <div className="space-y-4">
      {clusters.data.length ? (
        <ul aria-label="Kubernetes clusters" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {clusters.data.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <div>
                <p className="font-medium">{c.name}</p>
                <p className="text-slate-500">
                  {c.config.server} ·{" "}
                  {c.config.authType === "token" ? `token …${c.config.tokenLast4 ?? ""}` : "client certificate"} · every{" "}
                  {c.config.syncIntervalMinutes} min
                </p>
                <p className={c.status === "error" ? "text-red-700" : "text-slate-500"}>
                  {c.status === "error"
                    ? `Problem: ${c.statusMessage ?? "the last sync failed"}`
                    : c.latestRun
                      ? `Last sync: ${c.latestRun.status}${c.lastSyncAt ? `, ${new Date(c.lastSyncAt).toLocaleString()}` : ""}`
                      : "Not synced yet"}
                </p>
              </div>
              <div className="flex gap-2">
                <Button variant="secondary" onClick={() => syncNow.mutate({ id: c.id }, { onSettled: refresh })}>
                  Sync now
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Disconnect ${c.name}`}
                  onClick={() => {
                    if (window.confirm(`Disconnect ${c.name}? Its stored workloads and problems are deleted.`)) {
                      remove.mutate({ id: c.id });
                    }
                  }}
                >
                  Disconnect
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {syncNow.error ? <Alert>{errorInfo(syncNow.error).message}</Alert> : null}
      {remove.error ? <Alert>{errorInfo(remove.error).message}</Alert> : null}
      {adding || clusters.data.length === 0 ? (
        <Card title="Connect a cluster">
          <ClusterConnectionForm
            onSaved={(id) => {
              setAdding(false);
              syncNow.mutate({ id }, { onSettled: refresh });
              onConnected?.();
            }}
          />
        </Card>
      ) : lockOf("kubernetes") ? (
        <PlanLock feature="Connecting another cluster" unlockedBy={lockOf("kubernetes")!} testId="cluster-add-locked" />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Connect another cluster
        </Button>
      )}
    </div>
  );
}
