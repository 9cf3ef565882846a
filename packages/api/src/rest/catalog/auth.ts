import {
  AppError,
  authenticateApiToken,
  resolveOrgAccess,
  sessionOrgContext,
  type OrgContext,
  type InsightsQueue,
  type Principal,
} from "@stagedoor/core";
import type { Database, TenantDb } from "@stagedoor/db";
import { ORG_SLUG_HEADER, type SessionUser } from "../../context";

export type CatalogRestDeps = {
  db: () => Database;
  /** The signed-in user of the request's session cookie, if any (Auth.js in apps/web). */
  sessionUser: () => Promise<SessionUser | null>;
  /** Where token use is recorded for Insights (API and CLI use); absent: not recorded. */
  insights?: () => InsightsQueue | null;
};

/** `org`: the org's SSO policy and session timeouts, for session callers (tokens are not sessions). */
export type Authenticated = { db: TenantDb; principal: Principal; org?: OrgContext };

/**
 * Two ways in, and the org is never taken from input alone:
 * - `Authorization: Bearer <org API token>`: the token names the org and its scopes.
 * - the session cookie plus `x-stagedoor-org: <org slug>`: the slug names the org and the
 *   session's membership is checked (non-members get the same 404 as a missing org). The
 *   header is required on every request, which also keeps other sites from using the
 *   cookie: a cross-site form cannot set it, and a script needs a CORS preflight we refuse.
 * What the principal may then do is decided by core's `authorize`, as for tRPC.
 */
export async function authenticate(req: Request, deps: CatalogRestDeps): Promise<Authenticated> {
  const db = deps.db();
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const principal = match ? await authenticateApiToken(db, match[1]!) : null;
    if (!principal) throw new AppError("UNAUTHORIZED", "The API token is missing, malformed, unknown or revoked.");
    const { orgId, ...rest } = principal;
    return { db: db.forOrg(orgId), principal: rest };
  }
  const user = await deps.sessionUser();
  if (!user) {
    throw new AppError("UNAUTHORIZED", "Send an org API token as `Authorization: Bearer <token>`, or sign in.");
  }
  const slug = req.headers.get(ORG_SLUG_HEADER);
  if (!slug) {
    throw new AppError("BAD_REQUEST", `Name the organization with the ${ORG_SLUG_HEADER} header (its URL slug).`);
  }
  const access = await resolveOrgAccess(db, slug, user.userId);
  return {
    db: db.forOrg(access.org.id),
    principal: { type: "user", userId: user.userId, email: user.email, role: access.role },
    org: sessionOrgContext(access.rules, user.session ?? null),
  };
}
