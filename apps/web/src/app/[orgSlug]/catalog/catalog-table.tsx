"use client";

import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@stagedoor/api";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { RunStatusBadge } from "@/components/integrations/run-status-badge";
import { HealthBadge } from "@/components/kubernetes/health-badge";

type HealthProps = Parameters<typeof HealthBadge>[0];
import { StarButton } from "@/components/catalog/star-button";

type Outputs = inferRouterOutputs<AppRouter>;
type Row = Outputs["catalog"]["list"]["items"][number];
type Badges = Outputs["cicd"]["latestForRefs"];

/** The catalog list's rows; owners and systems by their display names when they have one. */
export function CatalogTable(props: {
  slug: string;
  items: Row[];
  ci: Badges | undefined;
  /** Kubernetes health of the listed entities that have workloads. */
  health: Array<{ ref: string; health: HealthProps["health"]; stale: boolean; problems: number }> | undefined;
  names: Record<string, string> | undefined;
  stale: boolean;
}) {
  const { slug, items, ci, names, stale } = props;
  const healthOf = new Map((props.health ?? []).map((h) => [h.ref, h]));
  const nameOf = (ref: string) => names?.[ref] ?? displayRef(ref);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Catalog entities</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="w-8 px-2 py-2">
              <span className="sr-only">Starred</span>
            </th>
            {["Name", "Kind", "Type", "Owner", "System", "Lifecycle", "Tags"].map((h) => (
              <th key={h} scope="col" className="px-4 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((e) => (
            <tr key={e.uid} data-ref={e.ref} className={stale ? "opacity-60" : undefined}>
              <td className="px-2 py-2 align-top">
                <StarButton entityRef={e.ref} name={e.title ?? e.name} compact />
              </td>
              <td className="px-4 py-2">
                <Link href={entityHref(slug, e.ref)} className="font-medium text-indigo-700 hover:underline">
                  {e.title ?? e.name}
                </Link>
                {e.hasErrors ? (
                  <span className="ml-2 rounded bg-red-50 px-1.5 text-xs text-red-700">errors</span>
                ) : null}
                {e.orphanedAt ? (
                  <span className="ml-2 rounded bg-amber-50 px-1.5 text-xs text-amber-800">orphan</span>
                ) : null}
                {ci?.[e.ref] ? (
                  <a href={ci[e.ref]!.url} target="_blank" rel="noreferrer" className="ml-2" title="Latest CI run">
                    <RunStatusBadge status={ci[e.ref]!.status} conclusion={ci[e.ref]!.conclusion} />
                  </a>
                ) : null}
                {healthOf.get(e.ref) ? (
                  <span className="ml-2">
                    <HealthBadge
                      health={healthOf.get(e.ref)!.health}
                      stale={healthOf.get(e.ref)!.stale}
                      problems={healthOf.get(e.ref)!.problems}
                    />
                  </span>
                ) : null}
                {e.description ? <p className="max-w-xl truncate text-xs text-slate-500">{e.description}</p> : null}
              </td>
              <td className="whitespace-nowrap px-4 py-2">{e.kind}</td>
              <td className="whitespace-nowrap px-4 py-2">{e.type ?? "—"}</td>
              <td className="whitespace-nowrap px-4 py-2">
                {e.owner ? (
                  <Link href={entityHref(slug, e.owner)} className="hover:underline">
                    {nameOf(e.owner)}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-2">{e.system ? nameOf(e.system) : "—"}</td>
              <td className="px-4 py-2">{e.lifecycle ?? "—"}</td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap gap-1">
                  {e.tags.map((t) => (
                    <span key={t} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
                      {t}
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
