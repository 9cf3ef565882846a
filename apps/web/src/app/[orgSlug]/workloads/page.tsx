import type { Metadata } from "next";
import { loadOrgPage } from "@/server/org-page";
import { WorkloadProblems } from "./workload-problems";

export const metadata: Metadata = { title: "Workloads with problems" };

export default async function WorkloadsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadOrgPage(orgSlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Workloads with problems</h1>
        <p className="mt-1 text-slate-600">
          What is wrong in the connected Kubernetes clusters, by catalog entity, with what usually fixes it. Problems
          that cleared in the last 24 hours are listed after the open ones.
        </p>
      </div>
      <WorkloadProblems slug={org.slug} />
    </div>
  );
}
