import Link from "next/link";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { Card, RoleBadge } from "@/components/ui";
import { SetupChecklist } from "./setup-checklist";
import { PersonalHome } from "@/components/home/personal-home";

export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrgPage(orgSlug);
  const isAdmin = org.role !== "MEMBER";
  const onboarding = isAdmin ? await (await serverCaller(orgSlug)).onboarding.get() : null;
  const home = await (await serverCaller(orgSlug)).home.get();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <p className="mt-1 text-slate-600">
          Signed in as {user.email} · <RoleBadge role={org.role} />
        </p>
      </div>
      {onboarding && !onboarding.completedAt ? <SetupChecklist slug={org.slug} onboarding={onboarding} /> : null}
      <PersonalHome slug={org.slug} home={home} />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Members" description="People with access to this portal.">
          <p className="text-3xl font-semibold" data-testid="member-count">
            {org.memberCount}
          </p>
          <Link
            href={`/${org.slug}/members`}
            className="mt-3 inline-block text-sm font-semibold text-indigo-600 hover:text-indigo-500"
          >
            {isAdmin ? "Manage members →" : "See members →"}
          </Link>
        </Card>
        <Card title="Getting started" description="What this portal will show once your sources are connected.">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
            <li>Invite your teammates{isAdmin ? "" : " (ask an admin)"}.</li>
            <li>Connect GitHub to fill the catalog{isAdmin ? "" : " (an admin does this)"}.</li>
          </ul>
        </Card>
      </div>
    </div>
  );
}
