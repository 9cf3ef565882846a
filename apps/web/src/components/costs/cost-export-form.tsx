"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { RouterOutputs } from "@stagedoor/api/client";
import { MAX_COST_UPLOAD_BYTES } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Field, Input, Select } from "@/components/ui";
import { uploadCostFile, type UploadSummary } from "./upload-cost-file";

type SourceType = "url" | "s3" | "upload";
type TestResult = RouterOutputs["costs"]["testExport"];

/**
 * Connect a FOCUS cost export: a URL (optionally with an Authorization header), an
 * S3-compatible bucket and prefix with a key pair, or a file uploaded here. Secrets go up
 * once and never come back. `onSaved` gets the upload's import result too: the caller
 * usually replaces this form once the integration exists, and must keep showing it.
 */
export function CostExportForm({ onSaved }: { onSaved: (id: string, uploaded: UploadSummary | null) => void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("Cloud costs");
  const [type, setType] = useState<SourceType>("url");
  const [url, setUrl] = useState("");
  const [authorization, setAuthorization] = useState("");
  const [endpoint, setEndpoint] = useState("");
  const [region, setRegion] = useState("us-east-1");
  const [bucket, setBucket] = useState("");
  const [prefix, setPrefix] = useState("");
  const [accessKeyId, setAccessKeyId] = useState("");
  const [secretAccessKey, setSecretAccessKey] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<UploadSummary | null>(null);

  const source = () =>
    type === "url"
      ? { type: "url" as const, url }
      : type === "s3"
        ? {
            type: "s3" as const,
            endpoint: endpoint.trim() || null,
            region,
            bucket,
            prefix,
            forcePathStyle: !!endpoint.trim(),
          }
        : { type: "upload" as const };
  const credentials = () =>
    type === "s3"
      ? { type: "s3" as const, accessKeyId, secretAccessKey }
      : type === "url"
        ? { type: "url" as const, authorization: authorization.trim() || null }
        : { type: "none" as const };

  const test = useMutation(trpc.costs.testExport.mutationOptions());
  const save = useMutation(trpc.costs.saveExport.mutationOptions());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setUploadError(null);
    const saved = await save.mutateAsync({ name, source: source(), credentials: credentials() }).catch(() => null);
    if (!saved) return;
    let summary: UploadSummary | null = null;
    if (type === "upload" && file) {
      setUploading(true);
      try {
        summary = await uploadCostFile(saved.id, file);
        setUploaded(summary);
      } catch (error) {
        setUploadError((error as Error).message);
        return;
      } finally {
        setUploading(false);
      }
    }
    onSaved(saved.id, summary);
  }

  return (
    <form className="space-y-4" onSubmit={submit} aria-label="Connect a cost export">
      <Field label="Name" htmlFor="cost-name">
        <Input id="cost-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Field
        label="Where the FOCUS export is"
        htmlFor="cost-source"
        hint="CSV (optionally .gz) or Parquet, FOCUS 1.0 or later."
      >
        <Select id="cost-source" value={type} onChange={(e) => setType(e.target.value as SourceType)}>
          <option value="url">HTTPS URL</option>
          <option value="s3">S3-compatible bucket</option>
          <option value="upload">Upload a file</option>
        </Select>
      </Field>
      {type === "url" ? (
        <>
          <Field label="Export URL" htmlFor="cost-url">
            <Input
              id="cost-url"
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              required
              placeholder="https://exports.example.com/focus.csv.gz"
            />
          </Field>
          <Field
            label="Authorization header (optional)"
            htmlFor="cost-auth"
            hint="Sent only to this URL's host; stored encrypted."
          >
            <Input
              id="cost-auth"
              type="password"
              value={authorization}
              onChange={(e) => setAuthorization(e.target.value)}
              autoComplete="off"
            />
          </Field>
        </>
      ) : type === "s3" ? (
        <>
          <Field label="Endpoint (empty for AWS S3)" htmlFor="cost-endpoint">
            <Input
              id="cost-endpoint"
              type="url"
              value={endpoint}
              onChange={(e) => setEndpoint(e.target.value)}
              placeholder="https://s3.example.com"
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Region" htmlFor="cost-region">
              <Input id="cost-region" value={region} onChange={(e) => setRegion(e.target.value)} required />
            </Field>
            <Field label="Bucket" htmlFor="cost-bucket">
              <Input id="cost-bucket" value={bucket} onChange={(e) => setBucket(e.target.value)} required />
            </Field>
            <Field label="Prefix" htmlFor="cost-prefix">
              <Input id="cost-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} placeholder="focus/" />
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Access key id" htmlFor="cost-key">
              <Input
                id="cost-key"
                value={accessKeyId}
                onChange={(e) => setAccessKeyId(e.target.value)}
                required
                autoComplete="off"
              />
            </Field>
            <Field label="Secret access key" htmlFor="cost-secret">
              <Input
                id="cost-secret"
                type="password"
                value={secretAccessKey}
                onChange={(e) => setSecretAccessKey(e.target.value)}
                required
                autoComplete="off"
              />
            </Field>
          </div>
        </>
      ) : (
        <Field
          label="Export file"
          htmlFor="cost-file"
          hint={`At most ${Math.round(MAX_COST_UPLOAD_BYTES / 1024 / 1024)} MB; larger exports: use a URL or a bucket.`}
        >
          <Input
            id="cost-file"
            type="file"
            accept=".csv,.gz,.parquet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            required
          />
        </Field>
      )}
      {test.data ? <TestOutcome result={test.data} /> : null}
      {test.error ? <Alert>{errorInfo(test.error).message}</Alert> : null}
      {save.error ? <Alert>{errorInfo(save.error).message}</Alert> : null}
      {uploadError ? <Alert>{uploadError}</Alert> : null}
      {uploaded ? <UploadOutcome summary={uploaded} /> : null}
      <div className="flex flex-wrap gap-2">
        {type !== "upload" ? (
          <Button
            type="button"
            variant="secondary"
            disabled={test.isPending}
            onClick={() => test.mutate({ source: source(), credentials: credentials() })}
          >
            {test.isPending ? "Testing…" : "Test connection"}
          </Button>
        ) : null}
        <Button type="submit" disabled={save.isPending || uploading}>
          {uploading ? "Importing…" : type === "upload" ? "Upload and import" : "Save and import"}
        </Button>
      </div>
    </form>
  );
}

function TestOutcome({ result }: { result: TestResult }) {
  if (!result.ok) return <Alert>{result.problem}</Alert>;
  return (
    <Alert tone="success">
      Found {result.files.length} file{result.files.length === 1 ? "" : "s"} with {result.rows} rows
      {result.firstDay ? ` from ${result.firstDay} to ${result.lastDay}` : ""} in{" "}
      {result.currencies.join(", ") || "no currency"}
      {result.rowsRejected ? `; ${result.rowsRejected} rows would be refused` : ""}.
    </Alert>
  );
}

export function UploadOutcome({ summary }: { summary: UploadSummary }) {
  return (
    <Alert tone={summary.rowsRejected ? "info" : "success"}>
      <p>
        Imported {summary.rowsRead - summary.rowsRejected} of {summary.rowsRead} rows
        {summary.firstDay ? ` for ${summary.firstDay} to ${summary.lastDay}` : ""}.
      </p>
      {summary.rejected.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {summary.rejected.slice(0, 10).map((r) => (
            <li key={`${r.file}:${r.row}`}>
              Row {r.row}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
