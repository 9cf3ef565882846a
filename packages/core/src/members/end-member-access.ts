import type { Database, PrismaTypes } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, type Principal } from "../authz";
import { forgetVerifiedTokensOf } from "../api-tokens/api-tokens";

type Tx = PrismaTypes.TransactionClient;

export type EndedAccess = { sessions: number; apiTokens: number };

/**
 * Ends everything a member can still act with in one org, at once. Called when a member
 * is removed by an admin or deprovisioned by the org's IdP (SCIM), before or instead of
 * deleting the membership; the membership itself is left to the caller (SCIM may keep
 * it, deactivated).
 *
 * The rule (the one place it lives; `endAccessIn` applies it):
 * - the API tokens the member created in this org are revoked;
 * - sessions are the user's, not one org's (Auth.js sessions span orgs). The sessions
 *   this org's IdP made (`Session.ssoOrgId`) end; all of the user's sessions end when
 *   this org is the only one they belong to. A member of other orgs keeps their other
 *   sessions: every request checks the membership again, so those no longer reach this
 *   org, and one org (its admins, its IdP) cannot sign people out of other orgs.
 *
 * It checks no permission: its callers authenticate differently (an admin through
 * `removeMember`, which authorizes first; an IdP through its SCIM bearer token, which
 * names the org). Only "does the user belong to another org" is read across orgs; the
 * ending runs in a transaction bound to the org, so a membership of another org is
 * NOT_FOUND.
 */
export async function endMemberAccess(
  db: Database,
  orgId: string,
  membershipId: string,
  by: Principal | null = null,
): Promise<EndedAccess> {
  const tenant = db.forOrg(orgId);
  const member = await tenant.membership.findUnique({ where: { id: membershipId }, select: { userId: true } });
  if (!member) throw new AppError("NOT_FOUND", "Member not found.");
  const everywhere = !(await belongsToAnotherOrg(db, member.userId, orgId));
  const ended = await tenant.transaction(async (tx) => {
    const current = await tx.membership.findUnique({
      where: { id: membershipId },
      select: { userId: true, user: { select: { email: true } } },
    });
    if (!current) throw new AppError("NOT_FOUND", "Member not found.");
    const ended = await endAccessIn(tx, { orgId, userId: current.userId, everywhere });
    const who = auditIdentity(by);
    await recordAudit(tx, {
      orgId,
      actor: who.actor,
      action: "member.access_ended",
      target: current.user.email,
      data: { ...who.data, ...ended, allSessions: everywhere },
    });
    return ended;
  });
  // After the commit, so a request verifying meanwhile cannot remember a token again.
  forgetVerifiedTokensOf(member.userId);
  return ended;
}

/**
 * Whether the user is a member of an org other than `orgId`: decides whether ending their
 * access here may end all of their sessions. The only cross-org read of ending access.
 */
export async function belongsToAnotherOrg(db: Database, userId: string, orgId: string): Promise<boolean> {
  return (await db.admin.membership.count({ where: { userId, orgId: { not: orgId } } })) > 0;
}

/**
 * The ending itself (see `endMemberAccess` for the rule), inside the caller's transaction
 * bound to `orgId`, which must still see the membership: the Session policy matches
 * members of the org. The caller forgets the user's verified tokens after its commit.
 */
export async function endAccessIn(
  tx: Tx,
  target: { orgId: string; userId: string; everywhere: boolean },
): Promise<EndedAccess> {
  const sessions = await tx.session.deleteMany({
    where: target.everywhere ? { userId: target.userId } : { userId: target.userId, ssoOrgId: target.orgId },
  });
  const tokens = await tx.apiToken.updateMany({
    where: { orgId: target.orgId, createdById: target.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return { sessions: sessions.count, apiTokens: tokens.count };
}
