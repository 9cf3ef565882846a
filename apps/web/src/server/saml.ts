import "server-only";
import { NextResponse } from "next/server";
import { createUserSession, provisionSsoMember, recordSsoTest, type SamlSignInOutcome } from "@stagedoor/core";
import { env } from "@/env";
import { db } from "./db";
import { integrationDeps } from "./integrations";
import { sessionCookieName, SESSION_MAX_AGE_S } from "./dev-session";

/**
 * The origin Stagedoor's SAML URLs use (SP entity id, ACS URL): AUTH_URL, else the host
 * the request came to, as the SSO settings page shows it. Starting and finishing a sign-in
 * must agree on it, since the IdP's response is checked against it.
 */
export function samlOrigin(headers: Headers): string {
  const configured = env().AUTH_URL;
  if (configured) return configured.replace(/\/$/, "");
  return `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("host")}`;
}

/**
 * The end of a SAML sign-in at the ACS URL, the way Auth.js ends an OIDC one: a test
 * records its outcome on the connection and signs nobody in; a refusal goes back to the
 * sign-in page with the reason; a success provisions the member (JIT, group roles) and
 * makes an Auth.js database session bound to the org's IdP (Session.ssoOrgId), in Auth.js's
 * own cookie.
 */
export async function finishSamlSignIn(outcome: SamlSignInOutcome, slug: string, origin: string) {
  const to = (path: string) => NextResponse.redirect(new URL(path, origin), 303);
  const settings = `/${slug}/settings/sso`;
  if (!outcome.ok) {
    console.error(`[auth] saml ${slug}: ${outcome.message}`);
    if (outcome.testing && outcome.orgId) {
      await recordSsoTest(db(), outcome.orgId, { ok: false, message: outcome.message });
      return to(`${settings}?test=failed`);
    }
    return to(`/sign-in?org=${encodeURIComponent(slug)}&error=Sso&reason=${outcome.reason}`);
  }
  if (outcome.testing) {
    await recordSsoTest(db(), outcome.orgId, { ok: true, email: outcome.email });
    return to(`${settings}?test=ok`);
  }
  const session = await createUserSession(db(), {
    email: outcome.email,
    name: outcome.name,
    maxAgeSeconds: SESSION_MAX_AGE_S,
    ssoOrgId: outcome.orgId,
  });
  await provisionSsoMember(
    db(),
    outcome.orgId,
    { userId: session.userId, email: session.email },
    outcome.claims,
    integrationDeps().queue,
  );
  const res = to(outcome.redirectTo);
  const secure = origin.startsWith("https:");
  const baseDomain = env().BASE_DOMAIN;
  res.cookies.set(sessionCookieName(secure), session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: session.expires,
    maxAge: SESSION_MAX_AGE_S,
    // As the Auth.js cookie with tenant hosts (server/auth.ts): valid on every org's host.
    ...(baseDomain ? { domain: `.${baseDomain}` } : {}),
  });
  return res;
}
