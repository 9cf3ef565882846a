import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { ClustersPanel } from "@/components/kubernetes/clusters-panel";
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
      <section aria-labelledby="k8s-heading" className="space-y-3">
        <h2 id="k8s-heading" className="text-lg font-semibold">
          Kubernetes clusters
        </h2>
        <ClustersPanel />
      </section>
    </div>
  );
}
