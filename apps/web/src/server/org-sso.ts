import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { customFetch } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import type { NextAuthConfig } from "next-auth";
import {
  checkSsoSignIn,
  describeSsoFailure,
  loadSsoProvider,
  provisionSsoMember,
  recordSsoTest,
  slugOfSsoProvider,
  ssoFetch,
  ssoProviderId,
  type SsoProviderConfig,
} from "@stagedoor/core";
import { db } from "./db";
import { integrationDeps } from "./integrations";

/** Set by "Test sign-in" (the org's slug): the flow runs, is recorded, and signs nobody in. */
export const SSO_TEST_COOKIE = "stagedoor-sso-test";

/**
 * Which org's IdP a request is about. Auth.js routes name it (`/api/auth/signin/sso-<slug>`,
 * `/api/auth/callback/sso-<slug>`); a server action starting a sign-in runs inside
 * `withSsoOrg`, because Auth.js builds that config without a request.
 */
const startingFor = new AsyncLocalStorage<string>();
export const withSsoOrg = <T>(slug: string, fn: () => Promise<T>) => startingFor.run(slug, fn);

export function ssoSlugOf(req: Request | undefined): string | null {
  if (!req) return startingFor.getStore() ?? null;
  const match = /^\/api\/auth\/(?:signin|callback)\/([^/?]+)/.exec(new URL(req.url).pathname);
  return match ? slugOfSsoProvider(decodeURIComponent(match[1]!)) : null;
}

export function callbackUrlFor(origin: string, slug: string): string {
  return `${origin}/api/auth/callback/${ssoProviderId(slug)}`;
}

function testingCookie(req: Request | undefined): string | null {
  const header = req?.headers.get("cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${SSO_TEST_COOKIE}=([^;]+)`).exec(header);
  return match ? decodeURIComponent(match[1]!) : null;
}

/**
 * The parts of the Auth.js config that depend on the org named by the request: its OIDC
 * provider, sessions that remember which IdP made them, the checks before sign-in
 * (verified email in a verified domain; see checkSsoSignIn), JIT provisioning after it,
 * and the test-sign-in mode. Null when the request names no org connection.
 */
export async function orgSsoConfig(
  req: Request | undefined,
  base: { adapter: Adapter; origin: string | null },
): Promise<Partial<NextAuthConfig> | null> {
  const slug = ssoSlugOf(req);
  if (!slug) return null;
  const deps = integrationDeps();
  const provider = await loadSsoProvider(db(), deps, slug);
  // SAML connections sign in through /api/auth/saml/<slug>/* (server/saml-session.ts), not Auth.js.
  if (!provider || provider.protocol !== "oidc") return null;
  const testing = testingCookie(req) === slug;
  if (!testing && provider.status !== "enabled" && req) return null;
  const redirectUri = callbackUrlFor(base.origin ?? "", slug);
  const settingsPage = `/${slug}/settings/sso`;
  return {
    providers: [oidcProvider(provider, deps)],
    adapter: {
      ...base.adapter,
      // The session remembers the org whose IdP made it: "require SSO" accepts only those.
      createSession: (session) =>
        base.adapter.createSession!({ ...session, ssoOrgId: provider.orgId } as typeof session),
    },
    pages: { signIn: "/sign-in", error: testing ? settingsPage : "/sign-in" },
    logger: {
      error(error) {
        console.error(`[auth] ${slug}: ${error.message}`);
        if (testing)
          void recordSsoTest(db(), provider.orgId, { ok: false, message: describeSsoFailure(error, redirectUri) });
      },
    },
    callbacks: {
      async signIn({ profile }) {
        const check = await checkSsoSignIn(
          db(),
          provider.orgId,
          (profile ?? {}) as Record<string, unknown>,
          testing ? "test" : "sign-in",
        );
        if (testing) {
          await recordSsoTest(db(), provider.orgId, check.ok ? check : { ok: false, message: check.message });
          // A test signs nobody in: back to the settings, which show the outcome.
          return `${settingsPage}?test=${check.ok ? "ok" : "failed"}`;
        }
        return check.ok ? true : `/sign-in?error=Sso&reason=${check.reason}`;
      },
    },
    events: {
      async signIn({ user, profile }) {
        if (!user.id || !user.email) return;
        await provisionSsoMember(
          db(),
          provider.orgId,
          { userId: user.id, email: user.email },
          (profile ?? {}) as Record<string, unknown>,
          integrationDeps().queue,
        );
      },
    },
  };
}

function oidcProvider(p: SsoProviderConfig, deps: ReturnType<typeof integrationDeps>) {
  return {
    id: ssoProviderId(p.slug),
    name: `${p.orgName} SSO`,
    type: "oidc" as const,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    checks: ["pkce", "state", "nonce"] as ("pkce" | "state" | "nonce")[],
    // Safe here: checkSsoSignIn lets an org's IdP sign in only verified addresses of the
    // org's own verified domains, so linking by email cannot reach another org's people.
    allowDangerousEmailAccountLinking: true,
    // Discovery, token, JWKS and userinfo requests go to a customer-supplied host.
    [customFetch]: ssoFetch(deps),
  };
}
