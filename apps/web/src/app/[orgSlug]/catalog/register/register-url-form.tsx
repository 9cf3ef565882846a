"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, Field, Input } from "@/components/ui";
import { ImportReport } from "./import-report";
import { CheckThenImportButtons, ImportGateNotes, importBlocker } from "./import-gate";
import { CatalogPullRequestPanel } from "./catalog-pull-request-panel";

/** A repository (or folder) URL rather than a file's: there is no /blob/ or /raw/ in it. */
const isRepositoryUrl = (url: string) => !/\/(blob|raw)\//.test(url) && !url.includes("raw.githubusercontent.com");

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
  const propose = useMutation(
    trpc.catalog.proposeCatalogFile.mutationOptions({
      onSuccess: (r) => {
        // The repository has its catalog file: preview that, as if its URL had been entered.
        if (r.kind === "exists") {
          setUrl(r.fileUrl);
          run.mutate({ url: r.fileUrl, dryRun: true });
        }
      },
    }),
  );
  const run = useMutation(
    trpc.catalog.importUrl.mutationOptions({
      onSuccess: (r) => {
        if (r.dryRun) {
          setCheckedUrl(r.url);
          setOrphansConfirmed(false);
        } else void queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
      onError: (error, variables) => {
        // No file there: offer a pull request that adds one, as Backstage's import does.
        if (errorInfo(error).fields.catalogFile === "missing") propose.mutate({ url: variables.url });
      },
    }),
  );
  const preview = (target: string) => {
    propose.reset();
    run.reset();
    if (isRepositoryUrl(target)) propose.mutate({ url: target });
    else run.mutate({ url: target, dryRun: true });
  };
  const proposal = propose.data?.kind === "proposal" && propose.variables?.url === url.trim() ? propose.data : null;
  const missingFile = run.error && errorInfo(run.error).fields.catalogFile === "missing";
  const report = run.data ?? null;
  const checked = report?.dryRun && checkedUrl === url.trim() ? report : null;
  const blocker = !url.trim()
    ? null
    : proposal
      ? "There is no catalog file to register yet: open the pull request below."
      : importBlocker(checked, orphansConfirmed, "Preview the file before registering it.");

  return (
    <Card
      title="Register by URL"
      description="A catalog file on the connected GitHub, or a repository to add one to with a pull request."
    >
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          preview(url.trim());
        }}
      >
        <Field
          label="File or repository URL"
          htmlFor="catalog-url"
          hint={
            <>
              A file such as{" "}
              <span className="break-all">https://github.com/acme/payments/blob/main/catalog-info.yaml</span>, or a
              repository such as <span className="break-all">https://github.com/acme/payments</span>: without a catalog
              file you can open a pull request that adds one. Read with the GitHub integration&apos;s credentials.
            </>
          }
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
          <CheckThenImportButtons
            labels={{
              check: "Preview from GitHub",
              checking: "Reading…",
              import: "Register from GitHub",
              importing: "Registering…",
            }}
            checking={(run.isPending && Boolean(run.variables?.dryRun)) || propose.isPending}
            importing={run.isPending && !run.variables?.dryRun}
            canCheck={Boolean(url.trim()) && !run.isPending && !propose.isPending}
            canImport={blocker === null && Boolean(url.trim()) && !run.isPending}
            onImport={() => run.mutate({ url: url.trim(), dryRun: false })}
          />
        </div>
        <ImportGateNotes
          checked={checked}
          orphansConfirmed={orphansConfirmed}
          onConfirmOrphans={setOrphansConfirmed}
          blocker={blocker}
          blockerTestId="url-import-blocker"
        />
      </form>
      {run.error && !missingFile ? (
        <div className="mt-4">
          <Alert>{errorInfo(run.error).message}</Alert>
        </div>
      ) : null}
      {propose.error ? (
        <div className="mt-4">
          <Alert>
            {missingFile ? `${errorInfo(run.error).message} ` : null}
            {errorInfo(propose.error).message}
          </Alert>
        </div>
      ) : null}
      {proposal ? <CatalogPullRequestPanel key={proposal.repository} url={url.trim()} proposal={proposal} /> : null}
      {report ? (
        <div className="mt-4">
          <ImportReport slug={slug} report={report} />
        </div>
      ) : null}
    </Card>
  );
}
