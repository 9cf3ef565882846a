"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, EmptyState, Spinner } from "@/components/ui";
import { AuditFilters } from "./audit-filters";
import { actionLabel, filterFromSearch, filterQuery } from "./audit-url";

export function AuditTable({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const filter = filterFromSearch(useSearchParams());
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50, ...filter }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const filtered = Boolean(filter.actor || filter.action || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <Card>
        <AuditFilters filter={filter} exportHref={`/${slug}/audit/export${filterQuery(filter)}`} />
      </Card>
      {query.isPending ? (
        <Spinner label="Loading audit log" />
      ) : query.error ? (
        <Alert>{errorInfo(query.error).message}</Alert>
      ) : (
        <AuditRows
          rows={query.data.pages.flatMap((p) => p.items)}
          filtered={filtered}
          more={
            query.hasNextPage ? (
              <div className="mt-4 text-center">
                <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                  {query.isFetchingNextPage ? "Loading…" : "Load older entries"}
                </Button>
              </div>
            ) : null
          }
        />
      )}
    </div>
  );
}

type AuditRow = {
  id: string;
  action: string;
  actorEmail: string | null;
  target: string | null;
  data: unknown;
  createdAt: Date;
  summary: string;
};

function AuditRows({ rows, filtered, more }: { rows: AuditRow[]; filtered: boolean; more: ReactNode }) {
  if (rows.length === 0)
    return filtered ? (
      <EmptyState title="No events match these filters">
        <a href="?" className="font-medium text-indigo-700 underline">
          Clear the filters
        </a>
      </EmptyState>
    ) : (
      <EmptyState title="Nothing recorded yet" />
    );
  return (
    <Card>
      <ul className="divide-y divide-slate-100" aria-label="Audit log entries">
        {rows.map((r) => (
          <li key={r.id} data-action={r.action} className="py-3">
            <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-4">
              <time dateTime={r.createdAt.toISOString()} className="shrink-0 text-sm text-slate-600 sm:w-48">
                {r.createdAt.toLocaleString()}
              </time>
              <p className="min-w-0 flex-1 break-words text-sm text-slate-900">{r.summary}</p>
            </div>
            <details className="mt-1 sm:ml-52">
              <summary className="cursor-pointer text-sm text-indigo-700">Details</summary>
              <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-slate-600">Event</dt>
                <dd>
                  {actionLabel(r.action)} <code className="text-xs text-slate-600">{r.action}</code>
                </dd>
                <dt className="text-slate-600">By</dt>
                <dd className="break-all">{r.actorEmail ?? "The system"}</dd>
                {r.target ? (
                  <>
                    <dt className="text-slate-600">Target</dt>
                    <dd className="break-all">{r.target}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">Time</dt>
                <dd>{r.createdAt.toISOString()}</dd>
                <dt className="text-slate-600">Data</dt>
                <dd>
                  <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                    {JSON.stringify(r.data ?? {}, null, 2)}
                  </pre>
                </dd>
              </dl>
            </details>
          </li>
        ))}
      </ul>
      {more}
    </Card>
  );
}
