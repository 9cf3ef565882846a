"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { Alert, Spinner } from "@/components/ui";

const FINISHED = new Set(["succeeded", "failed"]);

/** Live progress of one sync: polls until it finishes, then shows what it did. */
export function SyncRunStatus({ syncRunId }: { syncRunId: string }) {
  const trpc = useTRPC();
  const run = useQuery({
    ...trpc.integrations.syncRun.queryOptions({ id: syncRunId }),
    refetchInterval: (q) => (q.state.data && FINISHED.has(q.state.data.status) ? false : 1000),
  });
  if (!run.data) return <Spinner label="Starting sync" />;
  const r = run.data;
  const counts = `${r.reposScanned} repositories scanned, ${r.filesFound} catalog files, ${r.entitiesCreated} created, ${r.entitiesUpdated} updated, ${r.entitiesUnchanged} unchanged, ${r.entitiesOrphaned} orphaned · ${r.apiRequests} API requests`;
  if (r.status === "succeeded") {
    return (
      <Alert tone="success">
        <span data-testid="sync-status">Sync finished.</span> {counts}
        {r.errors.length ? ` · ${r.errors.length} file errors (see Integrations)` : ""}
      </Alert>
    );
  }
  if (r.status === "failed")
    return (
      <Alert>
        Sync failed: {r.message ?? "unknown error"}. {counts}
      </Alert>
    );
  return (
    <Alert tone="info">
      <span data-testid="sync-status">
        {r.status === "paused"
          ? `Paused by GitHub's rate limit until ${r.pausedUntil ? new Date(r.pausedUntil).toLocaleTimeString() : "its reset"}; it resumes by itself.`
          : r.status === "queued"
            ? "Waiting for a worker…"
            : "Syncing…"}
      </span>{" "}
      {counts}
    </Alert>
  );
}
