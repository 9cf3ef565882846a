"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Button, Card, EmptyState, Spinner } from "@/components/ui";

const LABELS: Record<string, string> = {
  "org.created": "Created the organization",
  "org.renamed": "Renamed the organization",
  "member.invited": "Invited a member",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "invitation.accepted": "Accepted an invitation",
  "invitation.revoked": "Revoked an invitation",
};

function describe(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  const d = data as Record<string, unknown>;
  if (typeof d.from === "string" && typeof d.to === "string") return `${d.from} → ${d.to}`;
  if (typeof d.role === "string") return `as ${d.role.toLowerCase()}`;
  return "";
}

export function AuditTable() {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ limit: 50 }, { getNextPageParam: (last) => last.nextCursor }),
  );
  if (query.isPending) return <Spinner label="Loading audit log" />;
  if (query.error) return <Alert>{errorInfo(query.error).message}</Alert>;
  const rows = query.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState title="Nothing recorded yet" />;
  return (
    <Card>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                When
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Who
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                What
              </th>
              <th scope="col" className="py-2 font-medium">
                Target
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td className="whitespace-nowrap py-2 pr-4 text-slate-500">
                  <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString()}</time>
                </td>
                <td className="py-2 pr-4">{r.actorEmail ?? "system"}</td>
                <td className="py-2 pr-4">
                  {LABELS[r.action] ?? r.action} <span className="text-slate-500">{describe(r.data)}</span>
                </td>
                <td className="py-2">{r.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage ? (
        <div className="mt-4 text-center">
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load older entries"}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
