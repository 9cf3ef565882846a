import type { Metadata } from "next";
import { loadAdminPage } from "@/server/org-page";
import { serverCaller } from "@/server/caller";
import { Wizard } from "./wizard";

export const metadata: Metadata = { title: "Set up your portal" };

export default async function OnboardingPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const { orgSlug } = await params;
  const { step } = await searchParams;
  const { org } = await loadAdminPage(orgSlug);
  const onboarding = await (await serverCaller(orgSlug)).onboarding.get();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Set up {org.name}</h1>
        <p className="mt-1 text-slate-600">
          Four steps to a populated portal. Skip any of them and come back later: progress is saved.
        </p>
      </div>
      <Wizard
        slug={org.slug}
        initial={onboarding}
        requestedStep={step ?? null}
        canInviteOwners={org.role === "OWNER"}
      />
    </div>
  );
}
