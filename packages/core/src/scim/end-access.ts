import type { Database } from "@stagedoor/db";
import { forgetVerifiedTokensOf } from "../api-tokens/api-tokens";

/**
 * A minimal local stand-in for `endMemberAccess(db, membershipId)`, which the SSO work
 * provides in members/ (the lead replaces this file's callers' import with it): ends the
 * member's sessions and revokes the API tokens they created in the org, at once.
 *
 * Sessions belong to the user, not to one org (Auth.js database sessions). They are
 * deleted when this org is the only one the person belongs to. Otherwise one org's
 * identity provider could sign people out of other orgs at will (any org can provision
 * any email address until domains are verified); there, removing the membership is what
 * ends the access, since every request checks the membership again.
 */
export async function endMemberAccess(db: Database, membershipId: string): Promise<void> {
  const membership = await db.admin.membership.findUnique({
    where: { id: membershipId },
    select: { orgId: true, userId: true },
  });
  if (!membership) return;
  const elsewhere = await db.admin.membership.count({
    where: { userId: membership.userId, orgId: { not: membership.orgId } },
  });
  if (elsewhere === 0) await db.admin.session.deleteMany({ where: { userId: membership.userId } });
  await db.admin.apiToken.updateMany({
    where: { orgId: membership.orgId, createdById: membership.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetVerifiedTokensOf(membership.userId);
}
