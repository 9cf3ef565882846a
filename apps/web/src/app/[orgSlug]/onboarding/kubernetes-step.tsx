"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Button } from "@/components/ui";
import { ClustersPanel } from "@/components/kubernetes/clusters-panel";

/** Wizard step 2: connect one or more clusters; continuing is possible once one is saved. */
export function KubernetesStep({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const clusters = useQuery(trpc.kubernetes.clusters.queryOptions());
  const connected = (clusters.data?.length ?? 0) > 0;
  return (
    <div className="space-y-4">
      <ClustersPanel onConnected={() => void clusters.refetch()} />
      {connected ? <Button onClick={onDone}>Continue</Button> : null}
    </div>
  );
}
