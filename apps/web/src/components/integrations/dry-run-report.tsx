"use client";

import { useMutation } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, Spinner } from "@/components/ui";
import { plural } from "@/lib/plural";

/** The import dry run: what the first sync would find, with every failing file and why. */
export function DryRunReport({ integrationId }: { integrationId: string }) {
  const trpc = useTRPC();
  const dryRun = useMutation(trpc.integrations.dryRun.mutationOptions());
  const r = dryRun.data;
  const failing = r?.files.filter((f) => !f.valid) ?? [];
  return (
    <Card
      title="Dry run"
      description="See what the first sync would import before it writes anything."
      actions={
        <Button variant="secondary" onClick={() => dryRun.mutate({ id: integrationId })} disabled={dryRun.isPending}>
          {dryRun.isPending ? "Scanning…" : r ? "Run again" : "Run dry run"}
        </Button>
      }
    >
      {dryRun.isPending ? <Spinner label="Scanning repositories" /> : null}
      {dryRun.error ? <Alert>{errorInfo(dryRun.error).message}</Alert> : null}
      {r ? (
        <div className="space-y-4 text-sm" data-testid="dry-run-report">
          <p>
            <strong>{plural(r.repositories, "repository", "repositories")}</strong>,{" "}
            <strong>{plural(r.filesFound, "catalog file")}</strong>, <strong>{failing.length}</strong> with errors,{" "}
            <strong>{plural(r.withoutCatalog.length, "repository", "repositories")}</strong> without a catalog file.
            Used {plural(r.requests, "API request")}
            {r.rateLimitRemaining !== null ? ` (${r.rateLimitRemaining} left)` : ""}.
          </p>
          {failing.length ? (
            <div>
              <h3 className="font-medium">Files that would fail</h3>
              <ul className="mt-2 space-y-2" aria-label="Failing catalog files">
                {failing.map((f) => (
                  <li key={`${f.repository}/${f.path}`} className="rounded-md px-3 py-2 ring-1 ring-red-200">
                    <a
                      href={f.url}
                      target="_blank"
                      rel="noreferrer"
                      className="font-mono text-xs text-indigo-700 hover:underline"
                    >
                      {f.repository}/{f.path}
                    </a>
                    <ul className="mt-1 space-y-0.5">
                      {f.errors.map((e, i) => (
                        <li key={i} className="font-mono text-xs text-red-700">
                          <a href={e.url} target="_blank" rel="noreferrer" className="hover:underline">
                            line {e.line}:{e.column}
                          </a>{" "}
                          {e.detail}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {r.withoutCatalog.length ? (
            <details>
              <summary className="cursor-pointer font-medium">
                Repositories without a catalog file ({r.withoutCatalog.length})
              </summary>
              <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto" aria-label="Repositories without a catalog file">
                {r.withoutCatalog.map((w) => (
                  <li key={w.repository} className="flex justify-between gap-3 text-xs">
                    <a
                      href={w.url}
                      target="_blank"
                      rel="noreferrer"
                      className="font-mono text-indigo-700 hover:underline"
                    >
                      {w.repository}
                    </a>
                    <span className="text-slate-500">
                      {w.suggestedOwner ? `owner ${w.suggestedOwner} (from ${w.ownerSource})` : "owner unknown"}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="mt-2 text-xs text-slate-500">
                Turn on “List repositories without a catalog file as components” in the sync options to import them.
              </p>
            </details>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
