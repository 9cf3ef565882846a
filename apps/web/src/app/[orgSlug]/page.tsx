import Link from "next/link";
import { loadOrgPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { Card, RoleBadge } from "@/components/ui";
import { SetupChecklist } from "./setup-checklist";
import { PortalStatus } from "./portal-status";
import { PersonalHome } from "@/components/home/personal-home";

export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { user, org } = await loadOrgPage(orgSlug);
  const isAdmin = org.role !== "MEMBER";
  const caller = await serverCaller(orgSlug);
  const [onboarding, integrations, facets, home] = await Promise.all([
    isAdmin ? caller.onboarding.get() : null,
    caller.integrations.list(),
    caller.catalog.facets({ facets: ["kind"] }),
    caller.home.get(),
  ]);
  const entityCount = (facets.kind ?? []).reduce((n, f) => n + f.count, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{org.name}</h1>
        <p className="mt-1 text-slate-600">
          Signed in as {user.email} · <RoleBadge role={org.role} />
        </p>
      </div>
      {onboarding?.nextStep ? <SetupChecklist slug={org.slug} onboarding={onboarding} /> : null}
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
        <PortalStatus
          slug={org.slug}
          isAdmin={isAdmin}
          entityCount={entityCount}
          memberCount={org.memberCount}
          github={integrations.find((i) => i.provider === "github") ?? null}
        />
      </div>
    </div>
  );
}
