import type { Metadata } from "next";
import { loadOrgPage } from "@/server/org-page";
import { MembersPanel } from "./members-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrgPage(orgSlug);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Members</h1>
      <MembersPanel currentUserId={user.userId} role={org.role} />
    </div>
  );
}
