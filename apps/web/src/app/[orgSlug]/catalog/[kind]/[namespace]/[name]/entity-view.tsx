"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { displayRef, entityHref } from "@/lib/entity-ref";
import { Alert, Card, EmptyState, Spinner } from "@/components/ui";
import { CicdRuns } from "./cicd-runs";
import { StarButton } from "@/components/catalog/star-button";
import { TrackEntityView } from "@/components/catalog/track-entity-view";
import { ApiDefinition } from "./api-definition";
import { KindOverview } from "./kind-overview";
import { SourceActions } from "./source-actions";
import { TabList, panelId, tabId } from "./tab-list";
import { PROJECT_SLUG, entityTabs, selectedTab, type TabId } from "./entity-tabs";
import { CostLocked, EntityCost } from "./entity-cost";
import { KubernetesTab } from "./kubernetes-tab";

const NOT_CONNECTED: Record<"kubernetes" | "cost" | "docs", string> = {
  kubernetes: "Workloads appear here once a Kubernetes cluster is connected.",
  cost: "Cost appears here once cloud billing is connected.",
  docs: "Docs appear here once TechDocs publishing is set up.",
};

export function EntityView({ slug, entityRef, isAdmin }: { slug: string; entityRef: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const entity = useQuery(trpc.catalog.get.queryOptions({ ref: entityRef }));
  // The Cost tab shows when cost is allocated to this entity. A member without the Cost
  // Insights plugin is refused the data; if the org has a cost export, the tab says how to get it.
  const costs = useQuery({ ...trpc.costs.forEntity.queryOptions({ ref: entityRef }), retry: false });
  const hasCost = (costs.data?.currencies.length ?? 0) > 0;
  const costRefused = costs.error?.data?.code === "FORBIDDEN";
  const integrations = useQuery({ ...trpc.integrations.list.queryOptions(), enabled: costRefused });
  const costLocked = costRefused && (integrations.data ?? []).some((i) => i.provider === "focus");

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
  const tabs = entityTabs(e.entity, { hasCost, costLocked });
  const tab = selectedTab(tabs, params.get("tab"));
  const select = (id: TabId) =>
    router.replace(`${pathname}${id === "overview" ? "" : `?tab=${id}`}`, { scroll: false });

  return (
    <div className="space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={`/${slug}/catalog`} className="hover:underline">
            Catalog
          </Link>{" "}
          / {e.kind}
        </nav>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="mt-1 text-2xl font-bold tracking-tight">{e.title ?? e.name}</h1>
            <p className="text-sm text-slate-600">
              {displayRef(e.ref, { withKind: true })}
              <span aria-hidden> · </span>
              <span className="sr-only">, from </span>
              <span data-testid="entity-origin">{e.origin.display}</span>
            </p>
            <StarButton entityRef={e.ref} name={e.title ?? e.name} className="mt-2" />
            <TrackEntityView entityRef={e.ref} kind={e.kind} owner={e.owner} system={e.system} />
          </div>
          <SourceActions slug={slug} entity={e} isAdmin={isAdmin} />
        </div>
      </div>
      {e.orphanedAt ? (
        <Alert tone="info">
          This entity is an orphan: its source ({e.source.key}) no longer contains it. It will be deleted after the
          grace period unless the source emits it again.
        </Alert>
      ) : null}
      {e.errors?.length ? (
        <Alert>
          <p className="font-medium">
            {e.errors.every((err) => err.code === "unreadable-placeholder")
              ? `Imported from ${e.file}, but some placeholders could not be resolved: their values are missing below.`
              : `The latest version from ${e.file} has errors; the last good version is shown.`}
          </p>
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
      <TabList tabs={tabs} selected={tab} onSelect={select} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} tabIndex={0} className="focus:outline-none">
        {tab === "overview" ? (
          <KindOverview slug={slug} entity={e} onOpen={(ref) => router.push(entityHref(slug, ref))} />
        ) : tab === "definition" ? (
          <ApiDefinition entity={e} />
        ) : tab === "cicd" ? (
          <CicdRuns entityRef={e.ref} projectSlug={e.entity.metadata.annotations?.[PROJECT_SLUG]} />
        ) : tab === "cost" && costs.data ? (
          <EntityCost costs={costs.data} />
        ) : tab === "cost" && costLocked ? (
          <CostLocked slug={slug} message={errorInfo(costs.error).message} />
        ) : tab === "kubernetes" ? (
          <KubernetesTab entityRef={e.ref} annotated />
        ) : (
          <Card>
            <p className="text-sm text-slate-600">{NOT_CONNECTED[tab]}</p>
          </Card>
        )}
      </div>
    </div>
  );
}
