import type { ReactNode } from "react";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { UserMenu } from "@/components/site-header";
import { OrgNav } from "./org-nav";
import { OrgProvider } from "./org-context";
import { GlobalSearch } from "@/components/search/global-search";
import { InsightsTracker } from "@/components/insights/insights-tracker";

export default async function OrgLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrgPage(orgSlug);
  const plugins = await (await serverCaller(orgSlug)).billing.pluginNav();
  return (
    <div className="min-h-screen lg:flex">
      <aside className="border-b border-slate-200 bg-white lg:sticky lg:top-0 lg:h-screen lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0">
        <div className="flex h-14 items-center gap-2 px-4 font-semibold">
          <span
            aria-hidden
            className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-xs font-bold text-white"
          >
            Sd
          </span>
          <span className="truncate" data-testid="org-name">
            {org.name}
          </span>
        </div>
        <OrgNav slug={org.slug} isAdmin={org.role !== "MEMBER"} plugins={plugins} />
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 sm:px-6">
          <GlobalSearch slug={org.slug} />
          <div className="shrink-0 whitespace-nowrap">
            <UserMenu user={user} />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
          <OrgProvider org={{ slug: org.slug, name: org.name, role: org.role }}>{children}</OrgProvider>
          <InsightsTracker slug={org.slug} />
        </main>
      </div>
    </div>
  );
}
