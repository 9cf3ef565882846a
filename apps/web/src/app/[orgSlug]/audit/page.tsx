import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  await loadAdminPage(orgSlug);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
        <p className="mt-1 text-slate-600">Every administrative change in this organization, newest first.</p>
      </div>
      <AuditTable slug={orgSlug} />
    </div>
  );
}
