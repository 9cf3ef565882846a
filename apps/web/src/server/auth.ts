import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { authTrustHost, env } from "@/env";
import { recordGitHubLogin } from "@stagedoor/core";
import { db } from "./db";
import { signInAllowed } from "./sign-in-policy";
import { orgSsoConfig } from "./org-sso";
import { sessionCookieName } from "./dev-session";

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [];
  if (e.AUTH_GITHUB_ID) list.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID) list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  if (e.AUTH_OIDC_ID) {
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
    });
  }
  return list;
}

/** Providers the sign-in page offers (the dev sign-in is separate: see /api/dev/sign-in). */
export function enabledProviders(): Array<{ id: string; name: string }> {
  return providers().map((p) => {
    const resolved = typeof p === "function" ? p() : p;
    return { id: resolved.id, name: resolved.name };
  });
}

/**
 * With BASE_DOMAIN, the session cookie is for the base host and every {slug}.{BASE_DOMAIN}:
 * sign-in callbacks land on one host (AUTH_URL), the portal is on the org's. Which org a
 * host may show is still decided by membership (and the host fixes the org).
 */
function tenantHostCookies(req: Request | undefined): NextAuthConfig["cookies"] {
  const baseDomain = env().BASE_DOMAIN;
  if (!baseDomain) return undefined;
  const secure = (env().AUTH_URL ?? req?.url ?? "").startsWith("https:");
  return {
    sessionToken: {
      name: sessionCookieName(secure),
      options: { httpOnly: true, sameSite: "lax", path: "/", secure, domain: `.${baseDomain}` },
    },
  };
}

// Lazy config, per request: env is read at first request, not at build time, and a request
// that names an org's SSO connection gets that org's provider (server/org-sso.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(async (req): Promise<NextAuthConfig> => {
  // Auth.js tables are global; the adapter runs on the explicit cross-org client.
  const adapter = PrismaAdapter(db().admin as never);
  const base: NextAuthConfig = {
    adapter,
    session: { strategy: "database", maxAge: 30 * 24 * 3600 },
    secret: env().AUTH_SECRET,
    trustHost: authTrustHost(env()),
    providers: providers(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: { signIn: ({ profile }) => signInAllowed({ profile }) },
    events: {
      // The GitHub login matches the member to their catalog User (core memberIdentity).
      async signIn({ user, account, profile }) {
        if (user.id && account?.provider === "github") await recordGitHubLogin(db(), user.id, profile?.login);
      },
    },
    cookies: tenantHostCookies(req),
  };
  const origin = env().AUTH_URL ?? (req ? new URL(req.url).origin : null);
  const org = await orgSsoConfig(req, { adapter, origin });
  return org ? { ...base, ...org, providers: org.providers ?? [] } : base;
});
