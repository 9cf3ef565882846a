"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Field, Input } from "@/components/ui";
import { ImportReport } from "./import-report";
import { OrphanWarning } from "./orphan-warning";

/**
 * Register by URL, as Backstage's import does: the blob URL of a catalog file on the
 * connected GitHub, checked first (read with the integration's credentials, placeholders
 * resolved), then imported as that file's own source.
 */
export function RegisterUrlForm({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [checkedUrl, setCheckedUrl] = useState<string | null>(null);
  const [orphansConfirmed, setOrphansConfirmed] = useState(false);
  const run = useMutation(
    trpc.catalog.importUrl.mutationOptions({
      onSuccess: (r) => {
        if (r.dryRun) {
          setCheckedUrl(r.url);
          setOrphansConfirmed(false);
        } else void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
    }),
  );
  const report = run.data ?? null;
  const checked = report?.dryRun && checkedUrl === url.trim() ? report : null;
  const c = checked?.counts;
  const importable = c ? c.created + c.updated + c.unchanged : 0;
  const orphans = c?.orphaned ?? 0;
  const blocker = !url.trim()
    ? null
    : !checked
      ? "Preview the file before registering it."
      : importable === 0
        ? "Nothing valid to import: fix the problems below and check again."
        : orphans > 0 && !orphansConfirmed
          ? "Confirm the orphaned entities above to import."
          : null;

  return (
    <Card title="Register by URL" description="A catalog file in a repository on the connected GitHub.">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ url: url.trim(), dryRun: true });
        }}
      >
        <Field
          label="File URL"
          htmlFor="catalog-url"
          hint="For example https://github.com/acme/payments/blob/main/catalog-info.yaml. It is read with the GitHub integration's credentials."
        >
          <Input
            id="catalog-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            maxLength={2000}
            placeholder="https://github.com/owner/repository/blob/main/catalog-info.yaml"
          />
        </Field>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <Button type="submit" variant="secondary" disabled={!url.trim() || run.isPending}>
            {run.isPending && run.variables?.dryRun ? "Reading…" : "Preview from GitHub"}
          </Button>
          <Button
            type="button"
            disabled={blocker !== null || !url.trim() || run.isPending}
            onClick={() => run.mutate({ url: url.trim(), dryRun: false })}
          >
            {run.isPending && !run.variables?.dryRun ? "Registering…" : "Register from GitHub"}
          </Button>
        </div>
        {checked && orphans > 0 ? (
          <OrphanWarning
            source={checked.source.key}
            count={orphans}
            refs={checked.orphaned}
            confirmed={orphansConfirmed}
            onConfirm={setOrphansConfirmed}
          />
        ) : null}
        {blocker ? (
          <p className="text-right text-xs text-slate-600" data-testid="url-import-blocker">
            {blocker}
          </p>
        ) : null}
      </form>
      {run.error ? (
        <div className="mt-4">
          <Alert>{errorInfo(run.error).message}</Alert>
        </div>
      ) : null}
      {report ? (
        <div className="mt-4">
          <ImportReport slug={slug} report={report} />
        </div>
      ) : null}
    </Card>
  );
}
