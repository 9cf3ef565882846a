"use client";

import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, EmptyState, Spinner } from "@/components/ui";
import { GithubConnectionForm } from "@/components/integrations/github-connection-form";
import { CostExportForm } from "@/components/costs/cost-export-form";
import type { UploadSummary } from "@/components/costs/upload-cost-file";
import { PlanLock, useIntegrationLock } from "@/components/billing/plan-lock";
import { CostExportCard } from "./cost-export-card";
import { IntegrationCard } from "./integration-card";

export function IntegrationsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.integrations.list.queryOptions(), refetchInterval: 5000 });
  const [adding, setAdding] = useState(false);
  const [addingCost, setAddingCost] = useState(false);
  // The import result of an export connected by upload, handed to its card (the form closes).
  const [firstUpload, setFirstUpload] = useState<{ id: string; summary: UploadSummary } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
  const lockOf = useIntegrationLock(list.data);

  if (list.isPending) return <Spinner label="Loading integrations" />;
  if (list.error) return <Alert>{errorInfo(list.error).message}</Alert>;
  // Clusters have their own panel on this page; this one lists GitHub and cost exports.
  const shown = list.data.filter((i) => i.provider !== "kubernetes");
  return (
    <div className="space-y-6">
      {shown.length === 0 && !adding ? (
        <EmptyState title="Nothing connected yet">
          <Button className="mt-3" onClick={() => setAdding(true)}>
            Connect GitHub
          </Button>
        </EmptyState>
      ) : null}
      {shown.map((i) =>
        i.provider === "github" ? (
          <IntegrationCard key={i.id} integration={i} onChanged={refresh} />
        ) : i.provider === "focus" ? (
          <CostExportCard
            key={i.id}
            integration={i}
            onChanged={refresh}
            firstUpload={firstUpload?.id === i.id ? firstUpload.summary : null}
          />
        ) : null,
      )}
      {adding ? (
        <Card title="Connect GitHub">
          <GithubConnectionForm
            onSaved={() => {
              setAdding(false);
              void refresh();
            }}
          />
        </Card>
      ) : shown.length > 0 && lockOf("github") ? (
        <PlanLock
          feature="Connecting another GitHub organization"
          unlockedBy={lockOf("github")!}
          testId="github-add-locked"
        />
      ) : shown.length > 0 ? (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          Connect another GitHub organization
        </Button>
      ) : null}
      {addingCost ? (
        <Card title="Connect a cost export">
          <CostExportForm
            onSaved={(id, summary) => {
              if (summary) setFirstUpload({ id, summary });
              setAddingCost(false);
              void refresh();
            }}
          />
        </Card>
      ) : lockOf("focus") ? (
        <PlanLock feature="Connecting another cost export" unlockedBy={lockOf("focus")!} testId="cost-add-locked" />
      ) : (
        <Button variant="secondary" onClick={() => setAddingCost(true)}>
          Connect a cost export
        </Button>
      )}
    </div>
  );
}
