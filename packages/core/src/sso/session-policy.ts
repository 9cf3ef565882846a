import type { Database } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { OrgContext, OrgPolicy, UserPrincipal } from "../authz";

/** What the org's policies need to know about the request's session. */
export type SessionFacts = {
  /** Which org's IdP signed it in; null for deployment-wide providers and the dev sign-in. */
  ssoOrgId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

export type OrgSessionRules = {
  id: string;
  requireSso: boolean;
  sessionIdleMinutes: number | null;
  sessionMaxMinutes: number | null;
};

/** Why the session may no longer reach the org's data, or null. */
export function sessionTimeout(session: SessionFacts, org: OrgSessionRules, now = new Date()): string | null {
  const minutes = (since: Date) => (now.getTime() - since.getTime()) / 60_000;
  if (org.sessionMaxMinutes && minutes(session.createdAt) > org.sessionMaxMinutes) {
    return "Your session for this organization has reached its time limit. Sign in again.";
  }
  if (org.sessionIdleMinutes && minutes(session.lastSeenAt) > org.sessionIdleMinutes) {
    return "Your session for this organization timed out after a period of inactivity. Sign in again.";
  }
  return null;
}

/**
 * "Require SSO" as an authorization policy (docs/authorization.md, the seam): a member
 * whose session did not come from this org's IdP may do nothing here. Owners keep access
 * (the break-glass path: their IdP may be the thing that is broken), which the caller
 * audits with `auditBreakGlass`. API tokens are not sessions and are unaffected.
 */
export function requireSsoPolicy(org: OrgSessionRules, session: SessionFacts | null): OrgPolicy {
  return (principal) => {
    if (!org.requireSso || principal.type !== "user") return null;
    if (session?.ssoOrgId === org.id) return null;
    if (principal.role === "OWNER") return null;
    return "This organization requires signing in through its single sign-on. Sign out and sign in with SSO.";
  };
}

/** True when the request is an owner using the break-glass path (require SSO, non-SSO session). */
export function isBreakGlass(principal: UserPrincipal, org: OrgSessionRules, session: SessionFacts | null): boolean {
  return org.requireSso && principal.role === "OWNER" && session?.ssoOrgId !== org.id;
}

/**
 * The org context for `authorize` on a session-authenticated request, after the session
 * timeouts were checked: UNAUTHORIZED when the session timed out for this org.
 */
export function sessionOrgContext(org: OrgSessionRules, session: SessionFacts | null, now = new Date()): OrgContext {
  if (session) {
    const timedOut = sessionTimeout(session, org, now);
    if (timedOut) throw new AppError("UNAUTHORIZED", timedOut);
  }
  return { policies: [requireSsoPolicy(org, session)] };
}

// Break-glass use is audited once per owner, org and process hour: often enough to see,
// not a row per request.
const auditedBreakGlass = new Map<string, number>();
const BREAK_GLASS_AUDIT_MS = 3600_000;

export async function auditBreakGlass(db: Database, orgId: string, principal: UserPrincipal): Promise<void> {
  const key = `${orgId}:${principal.userId}`;
  const last = auditedBreakGlass.get(key);
  if (last && Date.now() - last < BREAK_GLASS_AUDIT_MS) return;
  auditedBreakGlass.set(key, Date.now());
  if (auditedBreakGlass.size > 10_000) auditedBreakGlass.delete(auditedBreakGlass.keys().next().value!);
  await db.forOrg(orgId).transaction((tx) =>
    recordAudit(tx, {
      orgId,
      actor: { userId: principal.userId, email: principal.email },
      action: "sso.break_glass",
      data: { note: "Owner signed in without the org's SSO while SSO is required." },
    }),
  );
}
