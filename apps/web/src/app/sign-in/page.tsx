import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { enabledProviders, signIn } from "@/server/auth";
import { sessionUser } from "@/server/session";
import { SiteHeader } from "@/components/site-header";
import { Alert, Button, Field, Input } from "@/components/ui";
import { safeCallback } from "@/lib/safe-callback";
import { SsoSignIn } from "./sso-sign-in";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  DevEmail: "Enter a valid email address.",
  OAuthAccountNotLinked: "That email is already signed in with another provider. Use the provider you used before.",
  Configuration:
    "Sign-in is misconfigured on this server (the identity provider could not be reached). Tell your administrator.",
  AccessDenied: "Access was denied.",
  EmailUnverified:
    "Your identity provider says your email address is not verified. Verify it there, then sign in again.",
  Verification: "The sign-in link is no longer valid.",
  Sso: "Your organization's identity provider signed you in, but Stagedoor could not accept it.",
  SsoRequired: "This organization requires signing in through its single sign-on.",
  SessionTimedOut: "Your session for this organization timed out. Sign in again.",
  NoSso: "No single sign-on is set up for that email address. Use another sign-in method.",
};

// Why an SSO sign-in was refused (server/org-sso.ts, core's checkSsoSignIn).
const SSO_REASONS: Record<string, string> = {
  missing_email: "Your identity provider sent no email address. Ask your administrator to release the email claim.",
  unverified_email: "Your identity provider says your email address is not verified.",
  domain_not_verified: "Your email address is not in a verified domain of this organization.",
  not_enabled: "Single sign-on is not switched on for this organization.",
  invalid_response:
    "Your identity provider's answer did not pass Stagedoor's checks. Start the sign-in again; if it keeps failing, ask your administrator to run a test sign-in in the SSO settings.",
};

export default async function SignIn({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; reason?: string; org?: string }>;
}) {
  const { callbackUrl, error, reason, org } = await searchParams;
  const next = safeCallback(callbackUrl);
  // Sent here by an org that wants SSO or a fresh sign-in: stay, even with a session.
  if (error !== "SsoRequired" && error !== "SessionTimedOut" && (await sessionUser())) redirect(next);
  const providers = enabledProviders();
  const devSignIn = env().AUTH_DEV_SIGN_IN;

  return (
    <>
      <SiteHeader user={null} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-sm px-6 py-16">
        <h1 className="text-2xl font-bold tracking-tight">Sign in to Stagedoor</h1>
        <div className="mt-6 space-y-4">
          {error ? (
            <Alert>
              {(error === "Sso" && reason ? SSO_REASONS[reason] : null) ??
                ERRORS[error] ??
                "Sign-in failed. Try again."}
            </Alert>
          ) : null}
          <SsoSignIn orgSlug={org ?? null} next={next} />
          {providers.map((p) => (
            <form
              key={p.id}
              action={async () => {
                "use server";
                await signIn(p.id, { redirectTo: next });
              }}
            >
              <Button type="submit" variant="secondary" className="w-full">
                Continue with {p.name}
              </Button>
            </form>
          ))}
          {devSignIn ? (
            <form
              method="post"
              action="/api/dev/sign-in"
              className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <div>
                <h2 className="font-semibold">Development sign-in</h2>
                <p className="text-sm text-slate-500">
                  Email only, no password. Enabled on this server for demos and tests.
                </p>
              </div>
              <input type="hidden" name="callbackUrl" value={next} />
              <Field label="Email" htmlFor="email">
                <Input
                  id="email"
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                  placeholder="you@example.com"
                  autoFocus
                />
              </Field>
              <Button type="submit" className="w-full">
                Sign in
              </Button>
            </form>
          ) : null}
          {providers.length === 0 && !devSignIn ? (
            <Alert tone="info">
              No sign-in method is configured. Set AUTH_GITHUB_ID, AUTH_GOOGLE_ID or AUTH_OIDC_ID (see the README).
            </Alert>
          ) : null}
        </div>
      </main>
    </>
  );
}
