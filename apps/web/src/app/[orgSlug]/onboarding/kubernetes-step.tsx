"use client";

import { useEffect } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/components/ui";
import { ClustersPanel } from "@/components/kubernetes/clusters-panel";

/** Wizard step 2: connect one or more clusters; continuing is possible once one is saved. */
export function KubernetesStep({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Shares the panel's polled query: a cluster's first finished sync settles the step on the server.
  const clusters = useQuery(trpc.kubernetes.clusters.queryOptions());
  const connected = (clusters.data?.length ?? 0) > 0;
  const synced = clusters.data?.some((c) => c.latestRun?.status === "succeeded") ?? false;
  useEffect(() => {
    if (synced) void queryClient.invalidateQueries({ queryKey: trpc.onboarding.get.queryKey() });
  }, [synced, queryClient, trpc]);
  return (
    <div className="space-y-4">
      <ClustersPanel onConnected={() => void clusters.refetch()} />
      {connected ? <Button onClick={onDone}>Continue</Button> : null}
    </div>
  );
}
