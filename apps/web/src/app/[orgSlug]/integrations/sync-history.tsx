"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Spinner } from "@/components/ui";

export function SyncHistory({ integrationId }: { integrationId: string }) {
  const trpc = useTRPC();
  const runs = useInfiniteQuery(
    trpc.integrations.runs.infiniteQueryOptions(
      { id: integrationId, limit: 10 },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  if (runs.isPending) return <Spinner label="Loading history" />;
  if (runs.error) return <Alert>{errorInfo(runs.error).message}</Alert>;
  const rows = runs.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No syncs yet.</p>;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium">Sync history</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="min-w-full text-left text-xs">
          <caption className="sr-only">Sync history</caption>
          <thead className="text-slate-500">
            <tr>
              {[
                "Started",
                "Trigger",
                "Status",
                "Repos",
                "Files",
                "Created",
                "Updated",
                "Orphaned",
                "Errors",
                "Requests",
              ].map((h) => (
                <th key={h} scope="col" className="py-1 pr-3 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="py-1 pr-3 whitespace-nowrap">{new Date(r.startedAt).toLocaleString()}</td>
                <td className="py-1 pr-3">{r.trigger}</td>
                <td className="py-1 pr-3">{r.status}</td>
                <td className="py-1 pr-3">{r.reposScanned}</td>
                <td className="py-1 pr-3">{r.filesFound}</td>
                <td className="py-1 pr-3">{r.entitiesCreated}</td>
                <td className="py-1 pr-3">{r.entitiesUpdated}</td>
                <td className="py-1 pr-3">{r.entitiesOrphaned}</td>
                <td className="py-1 pr-3">
                  {r.errors.length ? (
                    <details>
                      <summary className="cursor-pointer text-red-700">{r.errors.length}</summary>
                      <ul className="mt-1 space-y-0.5">
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            <a
                              href={e.url}
                              target="_blank"
                              rel="noreferrer"
                              className="text-indigo-700 hover:underline"
                            >
                              {e.repository}/{e.file}
                              {e.line ? `:${e.line}` : ""}
                            </a>{" "}
                            {e.message}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    0
                  )}
                </td>
                <td className="py-1 pr-3">{r.apiRequests}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {runs.hasNextPage ? (
          <Button variant="ghost" onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
            Older syncs
          </Button>
        ) : null}
      </div>
    </details>
  );
}
