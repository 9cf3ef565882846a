import type { Metadata } from "next";
import Link from "next/link";
import { loadAdminPage } from "@/server/org-page";
import { RenameOrgForm } from "./rename-org-form";
import { ApiTokensPanel } from "./api-tokens-panel";
import { ScimPanel } from "./scim-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org } = await loadAdminPage(orgSlug);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <RenameOrgForm initialName={org.name} slug={org.slug} />
      <p>
        <Link className="font-medium text-indigo-700 underline" href={`/${org.slug}/settings/sso`}>
          Single sign-on, verified domains and sessions
        </Link>
      </p>
      <ApiTokensPanel />
      <ScimPanel />
    </div>
  );
}
