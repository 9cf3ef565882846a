import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { loadSsoProvider, samlServiceUrls, ssoProviderId, startSamlSignIn } from "@stagedoor/core";
import { env } from "@/env";
import { signIn } from "@/server/auth";
import { loadAdminPage } from "@/server/org-page";
import { callbackUrlFor, SSO_TEST_COOKIE, withSsoOrg } from "@/server/org-sso";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";
import { samlOrigin } from "@/server/saml";
import { Alert, Button, Card } from "@/components/ui";
import { ConnectionSection } from "./connection-section";
import { SsoSwitches } from "./sso-switches";
import { DomainsPanel } from "./domains-panel";
import { SessionTimeoutsForm } from "./session-timeouts-form";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ test?: string; error?: string }>;
}) {
  const { orgSlug } = await params;
  const { test, error } = await searchParams;
  const { org } = await loadAdminPage(orgSlug);
  const h = await headers();
  const origin = env().AUTH_URL ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
  const redirectUri = callbackUrlFor(origin.replace(/\/$/, ""), org.slug);
  const samlUrls = samlServiceUrls(samlOrigin(h), org.slug);

  async function testSignIn() {
    "use server";
    await loadAdminPage(orgSlug);
    const provider = await loadSsoProvider(db(), integrationDeps(), orgSlug);
    if (provider?.protocol === "saml") {
      // The request row marks the test (the IdP's cross-site POST carries no SameSite cookie).
      const idpUrl = await startSamlSignIn(db(), orgSlug, {
        origin: samlOrigin(await headers()),
        redirectTo: `/${orgSlug}/settings/sso`,
        testing: true,
      });
      redirect(idpUrl ?? `/${orgSlug}/settings/sso?error=NoConnection`);
    }
    // Marks the flow as a test for the callback (10 minutes; only the auth routes see it).
    (await cookies()).set(SSO_TEST_COOKIE, orgSlug, {
      httpOnly: true,
      sameSite: "lax",
      path: "/api/auth",
      maxAge: 600,
    });
    await withSsoOrg(orgSlug, () => signIn(ssoProviderId(orgSlug), { redirectTo: `/${orgSlug}/settings/sso` }));
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Single sign-on</h1>
      {test === "ok" ? <Alert tone="success">Test sign-in succeeded. You can switch the connection on.</Alert> : null}
      {test === "failed" || error ? (
        <Alert>The test sign-in failed. The reason is shown with the connection below.</Alert>
      ) : null}
      <ConnectionSection redirectUri={redirectUri} samlUrls={samlUrls} />
      <Card
        title="Test sign-in"
        description="Runs the real sign-in with your IdP and records the outcome; it signs nobody in."
      >
        <form action={testSignIn}>
          <Button type="submit" variant="secondary">
            Test sign-in
          </Button>
        </form>
      </Card>
      <SsoSwitches />
      <DomainsPanel />
      <SessionTimeoutsForm />
    </div>
  );
}
