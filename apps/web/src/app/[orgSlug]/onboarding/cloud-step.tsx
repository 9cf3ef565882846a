"use client";

import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Alert, Button, Spinner } from "@/components/ui";
import { CostExportForm, UploadOutcome } from "@/components/costs/cost-export-form";
import type { UploadSummary } from "@/components/costs/upload-cost-file";

/**
 * Wizard step 3: connect a FOCUS cost export (URL, bucket or upload). The step is done
 * when the first import succeeds (the sync marks it); an upload is done at once.
 */
export function CloudStep({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const integrations = useQuery({ ...trpc.integrations.list.queryOptions(), refetchInterval: 3000 });
  const cost = integrations.data?.find((i) => i.provider === "focus");
  // The upload's result (rows, period, refused rows) outlives the form, which the status replaces.
  const [uploaded, setUploaded] = useState<UploadSummary | null>(null);
  // The first import (an upload's, or the first scheduled one) settles the step on the server.
  const imported = !!cost?.lastSyncAt || cost?.latestRun?.status === "succeeded";
  useEffect(() => {
    if (imported) void queryClient.invalidateQueries({ queryKey: trpc.onboarding.get.queryKey() });
  }, [imported, queryClient, trpc]);
  if (integrations.isPending) return <Spinner label="Loading integrations" />;
  if (!cost) {
    return (
      <CostExportForm
        onSaved={(_id, summary) => {
          setUploaded(summary);
          void integrations.refetch();
        }}
      />
    );
  }
  const run = cost.latestRun;
  return (
    <div className="space-y-3">
      {run?.status === "failed" ? (
        <Alert>The import failed: {run.message}</Alert>
      ) : run && run.status !== "succeeded" ? (
        <Alert tone="info">Importing {cost.config.location}…</Alert>
      ) : (
        <Alert tone="success">
          Connected {cost.config.location}
          {run?.message ? `: ${run.message}` : "."}
        </Alert>
      )}
      {uploaded ? <UploadOutcome summary={uploaded} /> : null}
      <Button onClick={onDone}>Continue</Button>
    </div>
  );
}
