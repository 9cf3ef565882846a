"use client";

import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Card, Spinner } from "@/components/ui";
import { RunStatusBadge } from "@/components/integrations/run-status-badge";

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

export function CicdRuns({ entityRef, projectSlug }: { entityRef: string; projectSlug: string | undefined }) {
  const trpc = useTRPC();
  const runs = useQuery({ ...trpc.cicd.runsForEntity.queryOptions({ ref: entityRef }), enabled: Boolean(projectSlug) });
  if (!projectSlug) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          Add the <code className="rounded bg-slate-100 px-1">github.com/project-slug</code> annotation (owner/repo) to
          this entity to see its GitHub Actions runs here.
        </p>
      </Card>
    );
  }
  return (
    <Card title="GitHub Actions" description={projectSlug}>
      {runs.isPending ? (
        <Spinner label="Loading runs" />
      ) : runs.error ? (
        <Alert>{errorInfo(runs.error).message}</Alert>
      ) : runs.data.length === 0 ? (
        <p className="text-sm text-slate-500">
          No workflow runs recorded yet. They arrive with the next GitHub sync or webhook.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Workflow runs</caption>
            <thead className="text-slate-500">
              <tr>
                {["Workflow", "Status", "Branch", "Commit", "Actor", "Started", "Duration"].map((h) => (
                  <th key={h} scope="col" className="py-2 pr-4 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" aria-label="Workflow runs">
              {runs.data.map((r) => (
                <tr key={r.id} data-testid="workflow-run">
                  <td className="py-2 pr-4">
                    <a href={r.url} target="_blank" rel="noreferrer" className="text-indigo-700 hover:underline">
                      {r.workflowName}
                    </a>
                  </td>
                  <td className="py-2 pr-4">
                    <RunStatusBadge status={r.status} conclusion={r.conclusion} />
                  </td>
                  <td className="py-2 pr-4">{r.branch ?? "—"}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{r.commitSha?.slice(0, 7) ?? "—"}</td>
                  <td className="py-2 pr-4">{r.actor ?? "—"}</td>
                  <td className="whitespace-nowrap py-2 pr-4">{new Date(r.startedAt).toLocaleString()}</td>
                  <td className="py-2 pr-4">{duration(r.durationSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
