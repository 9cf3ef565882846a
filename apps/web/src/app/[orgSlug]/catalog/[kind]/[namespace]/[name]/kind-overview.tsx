"use client";

import { useQuery } from "@tanstack/react-query";
import type { EntityDetail, RelatedEntity } from "@stagedoor/core/catalog-types";
import { errorInfo, useTRPC } from "@/lib/trpc";
import { Alert, Spinner } from "@/components/ui";
import { AboutCard } from "./about-card";
import { RelationsCard } from "./relations-card";
import { OwnershipCard } from "./ownership-card";
import { RelatedCard } from "./related-card";
import { ProfileCard } from "./user-profile-card";
import { LocationTargetsCard } from "./location-targets-card";
import { EntityGraphView } from "./entity-graph-view";

type ByType = Record<string, RelatedEntity[]>;

const ofKind = (items: RelatedEntity[] | undefined, kind: string) =>
  (items ?? []).filter((e) => e.kind.toLowerCase() === kind);

/**
 * The overview as Backstage lays it out per kind: a Component's provided and consumed APIs,
 * an API's providers and consumers, a System's parts, a Domain's systems, a Group's members
 * and child groups, a User's groups, a Location's targets. Cards read the relation rows.
 */
export function KindOverview({
  slug,
  entity: e,
  onOpen,
}: {
  slug: string;
  entity: EntityDetail;
  onOpen: (ref: string) => void;
}) {
  const trpc = useTRPC();
  const related = useQuery(trpc.catalog.related.queryOptions({ ref: e.ref }));
  const kind = e.kind.toLowerCase();
  const graph = (
    <div className="xl:col-span-2">
      <EntityGraphView slug={slug} entityRef={e.ref} onOpen={onOpen} />
    </div>
  );
  if (related.isPending) return <Spinner label="Loading relations" />;
  if (related.error) return <Alert>{errorInfo(related.error).message}</Alert>;
  const by: ByType = related.data.byType;
  const card = (title: string, items: RelatedEntity[] | undefined, empty: string, showKind = false) => (
    <RelatedCard slug={slug} title={title} items={items} empty={empty} showKind={showKind} />
  );

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      {kind === "user" ? (
        <>
          <ProfileCard slug={slug} entity={e} groups={by.memberOf ?? []} />
          <RelationsCard slug={slug} relations={e.relations} />
          <div className="xl:col-span-2">
            <OwnershipCard slug={slug} entityRef={e.ref} />
          </div>
        </>
      ) : kind === "group" ? (
        <>
          <ProfileCard slug={slug} entity={e} groups={by.childOf ?? []} groupsLabel="Parent group" />
          <AboutCard slug={slug} entity={e} />
          {card("Members", by.hasMember, "No members.")}
          {card("Child groups", by.parentOf, "No child groups.")}
          <div className="xl:col-span-2">
            <OwnershipCard slug={slug} entityRef={e.ref} />
          </div>
        </>
      ) : (
        <>
          <AboutCard slug={slug} entity={e} />
          <RelationsCard slug={slug} relations={e.relations} />
          {kind === "component" ? (
            <>
              {card("Provided APIs", by.providesApi, "Provides no APIs.")}
              {card("Consumed APIs", by.consumesApi, "Consumes no APIs.")}
              {by.dependsOn?.length ? card("Depends on", by.dependsOn, "", true) : null}
              {by.hasPart?.length ? card("Subcomponents", by.hasPart, "") : null}
            </>
          ) : kind === "api" ? (
            <>
              {card("Providers", by.apiProvidedBy, "No component provides this API.")}
              {card("Consumers", by.apiConsumedBy, "No component consumes this API.")}
            </>
          ) : kind === "system" ? (
            <>
              {card("Components", ofKind(by.hasPart, "component"), "No components.")}
              {card("APIs", ofKind(by.hasPart, "api"), "No APIs.")}
              {card("Resources", ofKind(by.hasPart, "resource"), "No resources.")}
            </>
          ) : kind === "domain" ? (
            card("Systems", ofKind(by.hasPart, "system"), "No systems.")
          ) : kind === "location" ? (
            <LocationTargetsCard entity={e} />
          ) : kind === "resource" ? (
            card("Dependents", by.dependencyOf, "Nothing depends on this resource.", true)
          ) : null}
        </>
      )}
      {related.data.truncated ? (
        <p className="text-xs text-slate-600 xl:col-span-2">Long lists show their first 300 entities.</p>
      ) : null}
      {graph}
    </div>
  );
}
