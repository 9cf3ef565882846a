import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findPlugin } from "@stagedoor/core";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { PluginAccess } from "@/components/plugins/plugin-access";

export const metadata: Metadata = { title: "Premium plugin" };

/**
 * A premium plugin's home until the plugin ships its own pages: what it does, and either
 * the way to get it (locked) or "licensed" for a member with a seat. Plugins with real
 * pages register routes of their own; the authorization point guards their data.
 */
export default async function PluginPage({ params }: { params: Promise<{ orgSlug: string; plugin: string }> }) {
  const { orgSlug, plugin: key } = await params;
  const plugin = findPlugin(key);
  if (!plugin) notFound();
  const { org } = await loadOrgPage(orgSlug);
  const nav = await (await serverCaller(orgSlug)).billing.pluginNav();
  const entry = nav.find((n) => n.key === plugin.key)!;
  const admin = org.role !== "MEMBER";
  return (
    <div className="space-y-6" data-testid="plugin-page" data-unlocked={entry.unlocked ? "true" : "false"}>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{plugin.name}</h1>
        <p className="mt-1 text-slate-600">{plugin.description}</p>
      </div>
      <PluginAccess slug={orgSlug} plugin={plugin} entry={entry} admin={admin} />
    </div>
  );
}
