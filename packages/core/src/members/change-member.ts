import type { Database, PrismaTypes, Role, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import { forgetVerifiedTokensOf } from "../api-tokens/api-tokens";
import { belongsToAnotherOrg, endAccessIn } from "./end-member-access";
import { requestSeatSync, type SeatSyncQueue } from "../billing/seat-sync";

type Tx = PrismaTypes.TransactionClient;

/** Locks the org's owner rows so two concurrent demotions cannot both pass the check. */
async function lockedOwnerCount(tx: Tx, orgId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "orgId" = ${orgId} AND role = 'OWNER' FOR UPDATE`;
  return rows.length;
}

async function findMembership(tx: Tx, membershipId: string) {
  const m = await tx.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!m) throw new AppError("NOT_FOUND", "Member not found.");
  return m;
}

export async function changeMemberRole(
  db: TenantDb,
  actor: UserPrincipal,
  input: { membershipId: string; role: Role },
) {
  authorize(actor, "members.manage");
  const changed = await db.transaction(async (tx) => {
    const target = await findMembership(tx, input.membershipId);
    if (target.role === input.role) return { id: target.id, role: target.role, userId: target.userId };
    const touchesOwner = target.role === "OWNER" || input.role === "OWNER";
    if (touchesOwner) authorize(actor, "members.manage-owners");
    if (target.role === "OWNER" && (await lockedOwnerCount(tx, db.orgId)) <= 1) {
      throw new AppError(
        "PRECONDITION_FAILED",
        "An organization needs at least one owner. Make someone else an owner first.",
      );
    }
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role: input.role },
      select: { id: true, role: true },
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "member.role_changed",
      target: target.user.email,
      data: { from: target.role, to: input.role },
    });
    return { ...updated, userId: target.userId };
  });
  // The member's API tokens act with their new role from the next request on.
  forgetVerifiedTokensOf(changed.userId);
  return { id: changed.id, role: changed.role };
}

/**
 * Admins remove others; anyone may leave. The last owner can do neither. `accounts` (the
 * cross-org client) answers only whether the removed user belongs to another org, which
 * decides how many of their sessions end (see endMemberAccess). `seats` is the queue the
 * org's seat sync is requested through once the member is gone.
 */
export async function removeMember(
  db: TenantDb,
  actor: UserPrincipal,
  membershipId: string,
  accounts: Database,
  seats: SeatSyncQueue,
) {
  authorize(actor, "members.read");
  const before = await db.membership.findUnique({ where: { id: membershipId }, select: { userId: true } });
  const everywhere = before ? !(await belongsToAnotherOrg(accounts, before.userId, db.orgId)) : false;
  const removed = await db.transaction(async (tx) => {
    const target = await findMembership(tx, membershipId);
    const leaving = target.userId === actor.userId;
    if (!leaving) authorize(actor, "members.manage");
    if (!leaving && target.role === "OWNER") authorize(actor, "members.manage-owners");
    if (target.role === "OWNER" && (await lockedOwnerCount(tx, db.orgId)) <= 1) {
      throw new AppError("PRECONDITION_FAILED", "The last owner cannot be removed. Make someone else an owner first.");
    }
    // Removed by someone else: signed out and their tokens revoked at once (issue 12).
    // Leaving keeps the sessions (they may belong to other orgs too); tokens stop anyway.
    const ended = leaving ? null : await endAccessIn(tx, { orgId: db.orgId, userId: target.userId, everywhere });
    await tx.membership.delete({ where: { id: target.id } });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "member.removed",
      target: target.user.email,
      data: { role: target.role, left: leaving, ...(ended ?? {}) },
    });
    return target.userId;
  });
  // Their API tokens stop working from the next request on (they act for a member).
  forgetVerifiedTokensOf(removed);
  await requestSeatSync(seats, db.orgId);
}
