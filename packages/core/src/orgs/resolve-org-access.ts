import type { Database, Role } from "@stagedoor/db";
import { AppError } from "../errors";
import type { OrgSessionRules } from "../sso/session-policy";

export type OrgAccess = {
  org: { id: string; slug: string; name: string };
  role: Role;
  /** The org's SSO and session rules, for `sessionOrgContext` (sso/session-policy.ts). */
  rules: OrgSessionRules;
};

/**
 * The tenancy chokepoint: the org comes from the URL slug and is only returned when the
 * signed-in user is a member. An org that does not exist and one the user is not a member
 * of answer the same NOT_FOUND, so slugs cannot be probed.
 */
export async function resolveOrgAccess(db: Database, slug: string, userId: string): Promise<OrgAccess> {
  const membership = await db.admin.membership.findFirst({
    where: { userId, org: { slug } },
    select: {
      role: true,
      org: {
        select: {
          id: true,
          slug: true,
          name: true,
          requireSso: true,
          sessionIdleMinutes: true,
          sessionMaxMinutes: true,
        },
      },
    },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Organization not found.");
  const { requireSso, sessionIdleMinutes, sessionMaxMinutes, ...org } = membership.org;
  return { org, role: membership.role, rules: { id: org.id, requireSso, sessionIdleMinutes, sessionMaxMinutes } };
}

/** The orgs a user belongs to, for the org switcher and the post-sign-in redirect. */
export async function listUserOrgs(db: Database, userId: string) {
  const rows = await db.admin.membership.findMany({
    where: { userId },
    orderBy: { org: { name: "asc" } },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  return rows.map((r) => ({ ...r.org, role: r.role }));
}
