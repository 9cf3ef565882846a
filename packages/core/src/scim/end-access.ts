import type { Database } from "@stagedoor/db";
import { forgetVerifiedTokensOf } from "../api-tokens/api-tokens";

/**
 * A minimal local stand-in for `endMemberAccess(db, membershipId)`, which the SSO work
 * provides in members/ (the lead replaces this file's callers' import with it): ends the
 * member's sessions and revokes the API tokens they created in the org, at once.
 *
 * Sessions belong to the user, not to one org (Auth.js database sessions), so the user is
 * signed out everywhere; that is the safe side for a deprovisioned identity.
 */
export async function endMemberAccess(db: Database, membershipId: string): Promise<void> {
  const membership = await db.admin.membership.findUnique({
    where: { id: membershipId },
    select: { orgId: true, userId: true },
  });
  if (!membership) return;
  await db.admin.session.deleteMany({ where: { userId: membership.userId } });
  await db.admin.apiToken.updateMany({
    where: { orgId: membership.orgId, createdById: membership.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  forgetVerifiedTokensOf(membership.userId);
}
