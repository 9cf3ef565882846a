import type { Metadata } from "next";
import { findPlugin } from "@stagedoor/core";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { PluginAccess } from "@/components/plugins/plugin-access";
import { CostInsightsView } from "./cost-insights-view";

export const metadata: Metadata = { title: "Cost Insights" };

/**
 * Cost Insights, a premium plugin: a member with a seat (and an entitled org) sees the
 * costs; anyone else what the plugin does and how to get it. The costs router refuses
 * the data without a license either way; this only picks which page to show.
 */
export default async function CostInsightsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrgPage(orgSlug);
  const plugin = findPlugin("cost-insights")!;
  const nav = await (await serverCaller(orgSlug)).billing.pluginNav();
  const entry = nav.find((n) => n.key === plugin.key)!;
  return (
    <div className="space-y-6" data-testid="plugin-page" data-unlocked={entry.unlocked ? "true" : "false"}>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cost Insights</h1>
        <p className="mt-1 text-slate-600">
          {entry.unlocked
            ? "Cloud cost from your FOCUS exports (effective cost), allocated to teams, systems and components by tags."
            : plugin.description}
        </p>
      </div>
      {entry.unlocked ? (
        <CostInsightsView slug={orgSlug} />
      ) : (
        <PluginAccess slug={orgSlug} plugin={plugin} entry={entry} admin={org.role !== "MEMBER"} />
      )}
    </div>
  );
}
