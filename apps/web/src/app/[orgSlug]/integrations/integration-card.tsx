"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card } from "@/components/ui";
import { GithubConnectionForm } from "@/components/integrations/github-connection-form";
import { DryRunReport } from "@/components/integrations/dry-run-report";
import { SyncRunStatus } from "@/components/integrations/sync-run-status";
import { SyncHistory } from "./sync-history";
import { WebhookSetup } from "./webhook-setup";

type Integration = Extract<RouterOutputs["integrations"]["list"][number], { provider: "github" }>;

function freshness(at: Date | null): string {
  if (!at) return "never synced";
  const minutes = Math.round((Date.now() - new Date(at).getTime()) / 60000);
  if (minutes < 1) return "synced just now";
  if (minutes < 60) return `synced ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `synced ${hours} h ago` : `synced ${Math.round(hours / 24)} days ago`;
}

export function IntegrationCard({ integration: i, onChanged }: { integration: Integration; onChanged: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const sync = useMutation(
    trpc.integrations.syncNow.mutationOptions({
      onSuccess: () => {
        onChanged();
        void queryClient.invalidateQueries({ queryKey: trpc.integrations.runs.queryKey() });
      },
    }),
  );
  const remove = useMutation(trpc.integrations.delete.mutationOptions({ onSuccess: onChanged }));
  const running = i.latestRun && !["succeeded", "failed"].includes(i.latestRun.status);
  const lastSyncFailed = i.latestRun?.status === "failed";
  const broken = i.status === "error" || lastSyncFailed;
  const statusColor = broken ? "bg-red-500" : i.status === "connected" ? "bg-emerald-500" : "bg-slate-400";
  const statusText = i.status === "error" ? "error" : lastSyncFailed ? "last sync failed" : i.status;
  // Saving a fix for a failing connection syncs right away, so the old failure gives
  // way to live progress instead of staying up as if nothing had changed.
  const saved = () => {
    setEditing(false);
    if (broken && !running) sync.mutate({ id: i.id, trigger: "manual" });
    else onChanged();
  };

  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          <span
            role="img"
            aria-label={broken ? "Not working" : i.status === "connected" ? "Connected" : i.status}
            data-testid="integration-status-dot"
            data-status={broken ? "error" : i.status}
            className={`h-2.5 w-2.5 rounded-full ${statusColor}`}
          />
          {i.name} <span className="text-sm font-normal text-slate-500">GitHub · {i.config.owner}</span>
        </span>
      }
      description={`${statusText}${i.statusMessage ? `: ${i.statusMessage}` : ""} · ${freshness(i.lastSyncAt)} · every ${i.config.syncIntervalMinutes ?? 30} min`}
      actions={
        <div className="flex gap-2">
          <Button
            onClick={() => sync.mutate({ id: i.id, trigger: "manual" })}
            disabled={sync.isPending || Boolean(running)}
          >
            {running ? "Syncing…" : "Sync now"}
          </Button>
          <Button variant="secondary" onClick={() => setEditing(!editing)}>
            {editing ? "Close" : "Edit"}
          </Button>
        </div>
      }
    >
      <div className="space-y-4">
        {sync.error ? <Alert>{errorInfo(sync.error).message}</Alert> : null}
        {i.latestRun ? <SyncRunStatus syncRunId={i.latestRun.id} /> : null}
        {editing ? (
          <>
            <GithubConnectionForm existing={i} onSaved={saved} />
            <DryRunReport integrationId={i.id} />
            {i.config.webhookUrlPath ? <WebhookSetup integrationId={i.id} path={i.config.webhookUrlPath} /> : null}
            <div className="border-t border-slate-100 pt-4">
              {remove.error ? <Alert>{errorInfo(remove.error).message}</Alert> : null}
              <Button
                variant="danger"
                disabled={remove.isPending}
                onClick={() =>
                  window.confirm(
                    `Disconnect ${i.name}? Its entities become orphans and are deleted after the grace period.`,
                  ) && remove.mutate({ id: i.id })
                }
              >
                Disconnect
              </Button>
            </div>
          </>
        ) : null}
        <SyncHistory integrationId={i.id} />
      </div>
    </Card>
  );
}
