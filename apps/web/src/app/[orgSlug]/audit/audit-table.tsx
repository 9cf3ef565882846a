"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, EmptyState, Spinner } from "@/components/ui";
import { usePlanCapabilities } from "@/components/billing/plan-lock";
import { AuditFilters } from "./audit-filters";
import { actionLabel, filterFromSearch, filterQuery } from "./audit-url";

export function AuditTable({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const filter = filterFromSearch(useSearchParams());
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50, ...filter }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const exportLocked = usePlanCapabilities().data?.locked.auditExport ?? null;
  const filtered = Boolean(filter.actor || filter.action || filter.from || filter.to);
  return (
    <div className="space-y-4">
      <Card>
        <AuditFilters
          filter={filter}
          exportHref={`/${slug}/audit/export${filterQuery(filter)}`}
          exportLocked={exportLocked}
        />
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
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                When
              </th>
              <th scope="col" className="py-2 font-medium">
                What happened
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action} className="align-top">
                <td className="py-3 pr-4 text-slate-600 sm:whitespace-nowrap">
                  <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString()}</time>
                </td>
                <td className="py-3">
                  <p className="break-words text-slate-900">{r.summary}</p>
                  <AuditDetails row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more}
    </Card>
  );
}

function AuditDetails({ row: r }: { row: AuditRow }) {
  const d = (r.data && typeof r.data === "object" ? r.data : {}) as Record<string, unknown>;
  const change = typeof d.from === "string" && typeof d.to === "string" ? `${d.from} → ${d.to}` : null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-indigo-700">Details</summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
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
        {change ? (
          <>
            <dt className="text-slate-600">Change</dt>
            <dd className="break-all">{change}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Time</dt>
        <dd>{r.createdAt.toISOString()}</dd>
        <dt className="text-slate-600">Data</dt>
        <dd>
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs break-all whitespace-pre-wrap">
            {JSON.stringify(r.data ?? {}, null, 2)}
          </pre>
        </dd>
      </dl>
    </details>
  );
}
