import type { Database, Role } from "@stagedoor/db";
import { AppError } from "../errors";

export type OrgAccess = {
  org: { id: string; slug: string; name: string };
  role: Role;
};

/**
 * The tenancy chokepoint: the org comes from the URL slug and is only returned when the
 * signed-in user is a member. An org that does not exist and one the user is not a member
 * of answer the same NOT_FOUND, so slugs cannot be probed.
 */
export async function resolveOrgAccess(db: Database, slug: string, userId: string): Promise<OrgAccess> {
  const membership = await db.admin.membership.findFirst({
    where: { userId, org: { slug } },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Organization not found.");
  return { org: membership.org, role: membership.role };
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
