"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { IngestionReport } from "@stagedoor/core/catalog-types";
import { MAX_CATALOG_FILE_BYTES, MAX_REGISTER_FILE_NAME, MAX_SOURCE_KEY_LENGTH } from "@stagedoor/core/limits";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, Field, Input } from "@/components/ui";
import { ImportReport } from "./import-report";
import { CheckThenImportButtons, ImportGateNotes, importBlocker } from "./import-gate";

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  description: Takes payments
spec:
  type: service
  lifecycle: production
  owner: team-payments
`;

export function RegisterForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Empty: the server picks the file's own source (see pasteSourceKey in core).
  const [source, setSource] = useState("");
  const [fileName, setFileName] = useState("catalog-info.yaml");
  const [content, setContent] = useState("");
  const [report, setReport] = useState<IngestionReport | null>(null);
  const [checkedContent, setCheckedContent] = useState<string | null>(null);
  const [orphansConfirmed, setOrphansConfirmed] = useState(false);
  const run = useMutation(
    trpc.catalog.importYaml.mutationOptions({
      onSuccess: (r) => {
        setReport(r);
        if (r.dryRun) {
          setCheckedContent(`${source}\n${fileName}\n${content}`);
          setOrphansConfirmed(false);
        }
        // Lists, facets and entity pages cached earlier in this tab are stale now.
        else void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
    }),
  );
  const checkedCurrent = checkedContent === `${source}\n${fileName}\n${content}` && report?.dryRun ? report : null;
  // The import goes where the check said it would, even if the server would now pick another source.
  const submit = (dryRun: boolean) =>
    run.mutate({
      source: dryRun ? source.trim() || undefined : checkedCurrent?.source.key,
      dryRun,
      files: [{ name: fileName, content }],
    });
  const blocker = content.trim()
    ? importBlocker(checkedCurrent, orphansConfirmed, "Check the YAML before importing it.")
    : null;

  return (
    <div className="space-y-6">
      <Card>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit(true);
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Source name (optional)"
              htmlFor="source"
              hint="Leave empty: each file gets its own source, and pasting it again updates what it created. Importing under a name replaces what that source held."
            >
              <Input
                id="source"
                value={source}
                onChange={(e) => setSource(e.target.value)}
                maxLength={MAX_SOURCE_KEY_LENGTH}
                placeholder="the file's own"
              />
            </Field>
            <Field label="File name" htmlFor="file-name" hint="Used in error messages.">
              <Input
                id="file-name"
                value={fileName}
                onChange={(e) => setFileName(e.target.value)}
                required
                maxLength={MAX_REGISTER_FILE_NAME}
              />
            </Field>
          </div>
          <Field label="catalog-info.yaml" htmlFor="yaml">
            <textarea
              id="yaml"
              value={content}
              onChange={(e) => setContent(e.target.value)}
              rows={16}
              spellCheck={false}
              placeholder={EXAMPLE}
              className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-indigo-600"
            />
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <label className="cursor-pointer text-sm font-medium text-indigo-700 hover:underline">
              Upload a file…
              <input
                type="file"
                accept=".yaml,.yml,text/yaml"
                className="sr-only"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  if (file.size > MAX_CATALOG_FILE_BYTES) {
                    setReport(null);
                    alert(
                      `${file.name} is larger than ${MAX_CATALOG_FILE_BYTES / (1024 * 1024)} MiB, the limit for one catalog file.`,
                    );
                    return;
                  }
                  setFileName(file.name);
                  setContent(await file.text());
                }}
              />
            </label>
            <div className="flex-1" />
            <CheckThenImportButtons
              labels={{ check: "Check", checking: "Checking…", import: "Import", importing: "Importing…" }}
              checking={run.isPending && Boolean(run.variables?.dryRun)}
              importing={run.isPending && !run.variables?.dryRun}
              canCheck={Boolean(content.trim()) && !run.isPending}
              canImport={blocker === null && Boolean(content.trim()) && !run.isPending}
              onImport={() => submit(false)}
            />
          </div>
          <ImportGateNotes
            checked={checkedCurrent}
            orphansConfirmed={orphansConfirmed}
            onConfirmOrphans={setOrphansConfirmed}
            blocker={blocker}
            blockerTestId="import-blocker"
          />
        </form>
      </Card>
      {run.error ? <Alert>{errorInfo(run.error).message}</Alert> : null}
      {report ? <ImportReport slug={slug} report={report} /> : null}
    </div>
  );
}
