import type { Metadata } from "next";
import { loadOrgPage } from "@/server/org-page";
import { CostInsightsView } from "./cost-insights-view";

export const metadata: Metadata = { title: "Cost Insights" };

export default async function CostsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await loadOrgPage(orgSlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cost Insights</h1>
        <p className="mt-1 text-slate-600">
          Cloud cost from your FOCUS exports (effective cost), allocated to teams, systems and components by tags.
        </p>
      </div>
      <CostInsightsView slug={orgSlug} />
    </div>
  );
}
