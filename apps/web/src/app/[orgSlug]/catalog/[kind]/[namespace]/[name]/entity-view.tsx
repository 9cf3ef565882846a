"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Card, EmptyState, Spinner } from "@/components/ui";
import { AboutCard } from "./about-card";
import { RelationsCard } from "./relations-card";
import { EntityGraphView } from "./entity-graph-view";
import { OwnershipCard } from "./ownership-card";
import { CicdRuns } from "./cicd-runs";
import { KubernetesTab } from "./kubernetes-tab";

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "cicd", label: "CI/CD" },
  { id: "kubernetes", label: "Kubernetes" },
  { id: "cost", label: "Cost" },
  { id: "docs", label: "Docs" },
] as const;
type TabId = (typeof TABS)[number]["id"];

const NOT_CONNECTED: Record<Exclude<TabId, "overview" | "cicd" | "kubernetes">, string> = {
  cost: "Cost appears here once cloud billing is connected.",
  docs: "Docs appear here once TechDocs publishing is set up.",
};

export function EntityView({ slug, entityRef }: { slug: string; entityRef: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const tab = (TABS.some((t) => t.id === params.get("tab")) ? params.get("tab") : "overview") as TabId;
  const entity = useQuery(trpc.catalog.get.queryOptions({ ref: entityRef }));

  if (entity.isPending) return <Spinner label="Loading entity" />;
  if (entity.error) {
    return entity.error.data?.code === "NOT_FOUND" ? (
      <EmptyState title="No such entity">
        <Link href={`/${slug}/catalog`} className="text-indigo-700 hover:underline">
          Back to the catalog
        </Link>
      </EmptyState>
    ) : (
      <Alert>{errorInfo(entity.error).message}</Alert>
    );
  }
  const e = entity.data;
  const isOwnerKind = e.kind.toLowerCase() === "group" || e.kind.toLowerCase() === "user";

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={`/${slug}/catalog`} className="hover:underline">
            Catalog
          </Link>{" "}
          / {e.kind}
        </nav>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{e.title ?? e.name}</h1>
        <p className="text-sm text-slate-500">{displayRef(e.ref, { withKind: true })}</p>
      </div>
      {e.orphanedAt ? (
        <Alert tone="info">
          This entity is an orphan: its source ({e.source.key}) no longer contains it. It will be deleted after the
          grace period unless the source emits it again.
        </Alert>
      ) : null}
      {e.errors?.length ? (
        <Alert>
          <p className="font-medium">The latest version from {e.file} has errors; the last good version is shown.</p>
          <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Entity errors">
            {e.errors.map((err, i) => (
              <li key={i} className="font-mono text-xs">
                {err.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {e.conflicts.length ? (
        <Alert tone="info">
          {e.conflicts.length} other source{e.conflicts.length === 1 ? "" : "s"} also emit this entity and were refused:{" "}
          {e.conflicts.map((c) => `${c.source.key} (${c.file})`).join(", ")}.
        </Alert>
      ) : null}
      <div role="tablist" aria-label="Entity sections" className="flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => router.replace(`${pathname}${t.id === "overview" ? "" : `?tab=${t.id}`}`, { scroll: false })}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === t.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
        {tab === "overview" ? (
          <div className="grid gap-6 xl:grid-cols-2">
            <AboutCard slug={slug} entity={e} />
            <RelationsCard slug={slug} relations={e.relations} />
            <div className="xl:col-span-2">
              <EntityGraphView slug={slug} entityRef={e.ref} onOpen={(ref) => router.push(entityHref(slug, ref))} />
            </div>
            {isOwnerKind ? (
              <div className="xl:col-span-2">
                <OwnershipCard slug={slug} entityRef={e.ref} />
              </div>
            ) : null}
          </div>
        ) : tab === "cicd" ? (
          <CicdRuns entityRef={e.ref} projectSlug={e.entity.metadata.annotations?.["github.com/project-slug"]} />
        ) : tab === "kubernetes" ? (
          <KubernetesTab
            entityRef={e.ref}
            annotated={Boolean(
              e.entity.metadata.annotations?.["backstage.io/kubernetes-id"] ??
              e.entity.metadata.annotations?.["backstage.io/kubernetes-label-selector"],
            )}
          />
        ) : (
          <Card>
            <p className="text-sm text-slate-600">{NOT_CONNECTED[tab]}</p>
          </Card>
        )}
      </div>
    </div>
  );
}
