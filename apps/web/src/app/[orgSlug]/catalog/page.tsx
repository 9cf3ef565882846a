import type { Metadata } from "next";
import Link from "next/link";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { CatalogBrowser } from "./catalog-browser";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrgPage(orgSlug);
  // Backstage opens on what you own; a member the catalog does not know would see nothing.
  const me = await (await serverCaller(orgSlug)).home.me();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Catalog</h1>
          <p className="mt-1 text-slate-600">Services, APIs, resources, systems and the teams that own them.</p>
        </div>
        {org.role !== "MEMBER" ? (
          <Link
            href={`/${org.slug}/catalog/register`}
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
          >
            Register entities
          </Link>
        ) : null}
      </div>
      <CatalogBrowser slug={org.slug} defaultScope={me.userRef ? "owned" : "all"} />
    </div>
  );
}
