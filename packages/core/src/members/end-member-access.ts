import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, type Principal } from "../authz";
import { forgetVerifiedTokensOf } from "../api-tokens/api-tokens";

type Tx = PrismaTypes.TransactionClient;

export type EndedAccess = { sessions: number; apiTokens: number };

/**
 * Ends everything a member can still act with, at once: their signed-in sessions and the
 * API tokens they created in this org. Called when a member is removed or deprovisioned
 * (SCIM), before or instead of deleting the membership; the membership itself is left to
 * the caller (SCIM may keep it, deactivated).
 *
 * It checks no permission: its callers authenticate differently (an admin through
 * `removeMember`, which authorizes first; an IdP through its SCIM bearer token, which
 * names the org). The org is fixed by `db`: a membership of another org is NOT_FOUND.
 *
 * A session is the user's, not one org's (Auth.js sessions span orgs), so all of the
 * user's sessions end; RLS lets the tenant role delete only sessions of its own members.
 */
export async function endMemberAccess(
  db: TenantDb,
  membershipId: string,
  by: Principal | null = null,
): Promise<EndedAccess> {
  const { ended, userId } = await db.transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { id: membershipId },
      select: { userId: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("NOT_FOUND", "Member not found.");
    const ended = await endAccessIn(tx, member.userId);
    const who = auditIdentity(by);
    await recordAudit(tx, {
      orgId: db.orgId,
      actor: who.actor,
      action: "member.access_ended",
      target: member.user.email,
      data: { ...who.data, ...ended },
    });
    return { ended, userId: member.userId };
  });
  // After the commit, so a request verifying meanwhile cannot remember a token again.
  forgetVerifiedTokensOf(userId);
  return ended;
}

/**
 * The ending itself, inside the caller's tenant transaction (which must still see the
 * membership: the Session policy matches members of the org). The caller forgets the
 * user's verified tokens after its commit.
 */
export async function endAccessIn(tx: Tx, userId: string): Promise<EndedAccess> {
  const sessions = await tx.session.deleteMany({ where: { userId } });
  const tokens = await tx.apiToken.updateMany({
    where: { createdById: userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return { sessions: sessions.count, apiTokens: tokens.count };
}
