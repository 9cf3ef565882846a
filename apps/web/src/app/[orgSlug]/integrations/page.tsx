import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { IntegrationsPanel } from "./integrations-panel";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await loadAdminPage(orgSlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Integrations</h1>
        <p className="mt-1 text-slate-600">Where the catalog comes from, how fresh it is, and what went wrong.</p>
      </div>
      <IntegrationsPanel />
    </div>
  );
}
