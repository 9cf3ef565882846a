import type { Metadata } from "next";
import { loadOrgPage } from "@/server/org-page";
import { EntityView } from "./entity-view";

type Params = { orgSlug: string; kind: string; namespace: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

export default async function EntityPage({ params }: { params: Promise<Params> }) {
  const { orgSlug, kind, namespace, name } = await params;
  const { org } = await loadOrgPage(orgSlug);
  const ref = `${decodeURIComponent(kind)}:${decodeURIComponent(namespace)}/${decodeURIComponent(name)}`.toLowerCase();
  return <EntityView slug={org.slug} entityRef={ref} isAdmin={org.role !== "MEMBER"} />;
}
