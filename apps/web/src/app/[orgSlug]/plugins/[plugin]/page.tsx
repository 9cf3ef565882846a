import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findPlugin } from "@stagedoor/core";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";

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
      <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        {entry.unlocked ? (
          <p className="font-medium text-emerald-700">
            Unlocked: you hold a {plugin.name} license{entry.readOnly ? " (read-only while a payment is overdue)" : ""}.
            {plugin.available ? "" : " Its pages are on the way; here is what it will do:"}
          </p>
        ) : (
          <p className="font-medium text-slate-900">
            Locked: {entry.state === "none" ? "this organization has no license for it." : "you have no seat."}{" "}
            {admin ? (
              <Link className="text-indigo-700 underline" href={`/${orgSlug}/billing`}>
                Get it on the Billing page
              </Link>
            ) : (
              "Ask an admin for a seat."
            )}
          </p>
        )}
        <h2 className="mt-4 font-semibold">{plugin.lockedView.headline}</h2>
        <ul className="mt-2 list-disc pl-5 text-slate-700">
          {plugin.lockedView.bullets.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
