"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, EmptyState, Spinner } from "@/components/ui";

export function WorkloadProblems({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const problems = useQuery({ ...trpc.kubernetes.problems.queryOptions(), refetchInterval: 30_000 });
  if (problems.isPending) return <Spinner label="Loading problems" />;
  if (problems.error) return <Alert>{errorInfo(problems.error).message}</Alert>;
  if (!problems.data.length) {
    return (
      <EmptyState title="No problems">Nothing is failing in the connected clusters, as of their last sync.</EmptyState>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Workloads with problems</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Entity</th>
            <th className="px-3 py-2">Cluster</th>
            <th className="px-3 py-2">Object</th>
            <th className="px-3 py-2">Problem</th>
            <th className="px-3 py-2">Suggested fix</th>
            <th className="px-3 py-2">Since</th>
          </tr>
        </thead>
        <tbody>
          {problems.data.map((p, i) => (
            <tr key={i} className={`border-t border-slate-100 align-top ${p.resolvedAt ? "text-slate-500" : ""}`}>
              <td className="px-3 py-2">
                <Link
                  href={`${entityHref(slug, p.entityRef)}?tab=kubernetes`}
                  className="text-indigo-700 hover:underline"
                >
                  {displayRef(p.entityRef)}
                </Link>
              </td>
              <td className="px-3 py-2">{p.cluster}</td>
              <td className="px-3 py-2 font-mono text-xs">
                {p.kind} {p.namespace}/{p.name}
                {p.container ? ` (${p.container})` : ""}
              </td>
              <td className="px-3 py-2">
                <span className="font-medium">
                  {p.resolvedAt ? "Resolved" : p.severity === "error" ? "Error" : "Warning"}: {p.type}
                </span>
                <p className="font-mono text-xs">{p.message}</p>
                <p>{p.explanation}</p>
              </td>
              <td className="px-3 py-2">{p.fix}</td>
              <td className="whitespace-nowrap px-3 py-2">{new Date(p.firstSeenAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
