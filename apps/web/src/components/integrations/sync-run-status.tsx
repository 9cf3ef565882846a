"use client";

import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { useTRPC } from "@/lib/trpc";
import { Alert, Spinner } from "@/components/ui";
import { plural } from "@/lib/plural";

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
  const counts = `${plural(r.reposScanned, "repository", "repositories")} scanned, ${plural(r.filesFound, "catalog file")}, ${r.entitiesCreated} created, ${r.entitiesUpdated} updated, ${r.entitiesUnchanged} unchanged, ${r.entitiesOrphaned} orphaned · ${plural(r.apiRequests, "API request")}`;
  if (r.status === "succeeded") {
    return (
      <div className="space-y-2">
        <Alert tone="success">
          <span data-testid="sync-status">Sync finished.</span> {counts}
        </Alert>
        {r.errors.length ? <SyncErrors errors={r.errors} /> : null}
      </div>
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
      {r.status !== "paused" && r.message ? (
        <span className="mt-1 block" data-testid="sync-retry">
          {r.message}
        </span>
      ) : null}
    </Alert>
  );
}

type SyncError = RouterOutputs["integrations"]["syncRun"]["errors"][number];

/** Files the sync could not take, each linked to the line on GitHub. */
function SyncErrors({ errors }: { errors: SyncError[] }) {
  return (
    <details className="rounded-md px-3 py-2 text-sm ring-1 ring-red-200">
      <summary className="cursor-pointer text-red-800">
        {plural(errors.length, "file")} with errors (their entities keep their last good version)
      </summary>
      <ul className="mt-2 space-y-1" aria-label="Sync errors">
        {errors.map((e, i) => (
          <li key={i} className="font-mono text-xs">
            <a href={e.url} target="_blank" rel="noreferrer" className="text-indigo-700 hover:underline">
              {e.repository ?? "organization"}
              {e.file ? `/${e.file}` : ""}
              {e.line ? `:${e.line}` : ""}
            </a>{" "}
            <span className="text-red-700">{e.detail}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
