"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Input } from "@/components/ui";
import { uploadCostFile, type UploadSummary } from "@/components/costs/upload-cost-file";
import { UploadOutcome } from "@/components/costs/cost-export-form";

type CostIntegration = Extract<RouterOutputs["integrations"]["list"][number], { provider: "focus" }>;

/**
 * A connected cost export: where it is read from, the last import and its refused rows.
 * `firstUpload` is the result of the upload that created it, shown until the next one.
 */
export function CostExportCard({
  integration: i,
  onChanged,
  firstUpload = null,
}: {
  integration: CostIntegration;
  onChanged: () => void;
  firstUpload?: UploadSummary | null;
}) {
  const trpc = useTRPC();
  const sync = useMutation(trpc.integrations.syncNow.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.integrations.delete.mutationOptions({ onSuccess: onChanged }));
  const [uploaded, setUploaded] = useState<UploadSummary | null>(firstUpload);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const run = i.latestRun;
  const isUpload = i.config.sourceType === "upload";

  async function upload(file: File | undefined) {
    if (!file) return;
    setUploadError(null);
    try {
      setUploaded(await uploadCostFile(i.id, file));
      onChanged();
    } catch (error) {
      setUploadError((error as Error).message);
    }
  }

  return (
    <Card
      title={
        <>
          {i.name} <span className="text-sm font-normal text-slate-500">Cloud costs (FOCUS) · {i.config.location}</span>
        </>
      }
      description={`Allocated by tags: ${i.config.allocation.map((r) => `${r.key} → ${r.target}`).join(", ")} · growth alert at +${i.config.growthAlertPercent}%${isUpload ? "" : " · re-imported daily"}`}
      actions={
        <div className="flex gap-2">
          {isUpload ? null : (
            <Button variant="secondary" disabled={sync.isPending} onClick={() => sync.mutate({ id: i.id })}>
              Import now
            </Button>
          )}
          <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate({ id: i.id })}>
            Remove
          </Button>
        </div>
      }
    >
      {run ? (
        <div className="space-y-2 text-sm">
          <p>
            Last import: <span className="font-medium">{run.status}</span>
            {run.message ? ` · ${run.message}` : ""}
          </p>
          {run.errors.length ? (
            <details>
              <summary className="cursor-pointer text-slate-700">{run.errors.length} refused rows</summary>
              <ul className="mt-1 list-disc pl-5 text-xs text-slate-600">
                {run.errors.slice(0, 50).map((e, n) => (
                  <li key={n}>{e.message}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : isUpload ? null : (
        <p className="text-sm text-slate-500">No import yet.</p>
      )}
      {isUpload ? (
        <div className="mt-3 space-y-2">
          <label htmlFor={`upload-${i.id}`} className="block text-sm font-medium text-slate-800">
            Upload an export (replaces the days it covers)
          </label>
          <Input
            id={`upload-${i.id}`}
            type="file"
            accept=".csv,.gz,.parquet"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </div>
      ) : null}
      {uploaded ? <UploadOutcome summary={uploaded} /> : null}
      {uploadError ? <Alert>{uploadError}</Alert> : null}
      {sync.error ? <Alert>{errorInfo(sync.error).message}</Alert> : null}
      {remove.error ? <Alert>{errorInfo(remove.error).message}</Alert> : null}
    </Card>
  );
}
