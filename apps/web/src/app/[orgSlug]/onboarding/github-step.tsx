"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Spinner } from "@/components/ui";
import { GithubConnectionForm } from "@/components/integrations/github-connection-form";
import { DryRunReport } from "@/components/integrations/dry-run-report";
import { SyncRunStatus } from "@/components/integrations/sync-run-status";

/** Connect → test → dry run → first sync, then continue. */
export function GithubStep({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { orgSlug } = useParams<{ orgSlug: string }>();
  const integrations = useQuery(trpc.integrations.list.queryOptions());
  const [syncRunId, setSyncRunId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // The failed run that saving new credentials answered: its error is history now.
  const [answeredRunId, setAnsweredRunId] = useState<string | null>(null);
  const sync = useMutation(trpc.integrations.syncNow.mutationOptions({ onSuccess: (r) => setSyncRunId(r.syncRunId) }));
  const run = useQuery({
    ...trpc.integrations.syncRun.queryOptions({ id: syncRunId ?? "" }),
    enabled: Boolean(syncRunId),
  });

  // The server marks the step done when the first sync succeeds; show it in the step list.
  const succeeded = run.data?.status === "succeeded";
  useEffect(() => {
    if (succeeded) void queryClient.invalidateQueries({ queryKey: trpc.onboarding.get.queryKey() });
  }, [succeeded, queryClient, trpc]);

  if (integrations.isPending) return <Spinner />;
  if (integrations.error) return <Alert>{errorInfo(integrations.error).message}</Alert>;
  const github = integrations.data.find((i) => i.provider === "github");
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });

  if (!github) {
    return <GithubConnectionForm onSaved={() => void refreshList()} />;
  }
  // The server's word, not the save's: a sync that GitHub refused (bad or revoked
  // credentials, a gone owner) marks the integration, and this step says so.
  const problem =
    github.status === "error"
      ? (github.statusMessage ?? "the last sync failed")
      : !syncRunId && github.latestRun?.status === "failed" && github.latestRun.id !== answeredRunId
        ? (github.latestRun.message ?? "the last sync failed")
        : null;
  return (
    <div className="space-y-4">
      {problem ? (
        <Alert>
          <span data-testid="github-connection-problem">
            GitHub ({github.config.owner}) is not working: {problem}
            {/[.!?]$/.test(problem) ? "" : "."}
          </span>{" "}
          Change the credentials below, then sync again.
        </Alert>
      ) : (
        <Alert tone="success">
          Connected to GitHub ({github.config.owner}). Next: check what would be imported, then run the first sync.
        </Alert>
      )}
      {problem || editing ? (
        <div className="rounded-md p-4 ring-1 ring-slate-200">
          <GithubConnectionForm
            existing={github}
            onSaved={() => {
              setEditing(false);
              setSyncRunId(null);
              setAnsweredRunId(github.latestRun?.id ?? null);
              void refreshList();
            }}
          />
          {editing && !problem ? (
            <Button variant="ghost" className="mt-3" onClick={() => setEditing(false)}>
              Keep the saved connection
            </Button>
          ) : null}
        </div>
      ) : (
        <Button variant="ghost" onClick={() => setEditing(true)}>
          Change credentials or settings
        </Button>
      )}
      <DryRunReport integrationId={github.id} />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => sync.mutate({ id: github.id, trigger: "onboarding" })}
          disabled={
            sync.isPending || (Boolean(syncRunId) && run.data?.status !== "succeeded" && run.data?.status !== "failed")
          }
        >
          {syncRunId ? "Sync again" : "Start first sync"}
        </Button>
        {run.data?.status === "succeeded" ? (
          <>
            <Link href={`/${orgSlug}/catalog`} className="text-sm font-semibold text-indigo-700 hover:underline">
              Open the catalog →
            </Link>
            <Button variant="secondary" onClick={onDone}>
              Continue
            </Button>
          </>
        ) : null}
      </div>
      {sync.error ? <Alert>{errorInfo(sync.error).message}</Alert> : null}
      {syncRunId ? <SyncRunStatus syncRunId={syncRunId} /> : null}
    </div>
  );
}
