import type { Metadata } from "next";
import { findPlugin } from "@stagedoor/core";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { PluginAccess } from "@/components/plugins/plugin-access";
import { InsightsView } from "./insights-view";
import { InsightsSettingsPanel } from "./settings-panel";

export const metadata: Metadata = { title: "Insights" };

/**
 * Insights, the premium plugin's page: for members holding an Insights seat (admins
 * included: they assign themselves one). Without a seat it is the plugin's locked page;
 * the procedures refuse its data either way (FORBIDDEN).
 */
export default async function InsightsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrgPage(orgSlug);
  const plugin = findPlugin("insights")!;
  const nav = await (await serverCaller(orgSlug)).billing.pluginNav();
  const entry = nav.find((n) => n.key === plugin.key)!;
  const admin = org.role !== "MEMBER";
  return (
    <div className="space-y-6" data-testid="insights-page" data-unlocked={entry.unlocked ? "true" : "false"}>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Insights</h1>
        <p className="mt-1 text-slate-600">
          How your organization uses the portal: active members, adoption by team and plugin, and what people search
          for.
        </p>
      </div>
      {entry.unlocked ? (
        <>
          <InsightsView slug={orgSlug} />
          {admin ? <InsightsSettingsPanel /> : null}
        </>
      ) : (
        <PluginAccess slug={orgSlug} plugin={plugin} entry={entry} admin={admin} />
      )}
    </div>
  );
}
