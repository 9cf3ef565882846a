import type { Database } from "@stagedoor/db";
import { AppError } from "../errors";
import { assertMemberCapacity } from "../billing/member-limit";
import { requestSeatSync, type SeatSyncQueue } from "../billing/seat-sync";
import { recordAudit } from "../audit/record-audit";
import { hashInvitationToken } from "./tokens";

type InvitationState = "pending" | "accepted" | "revoked" | "expired";

function stateOf(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}

const REFUSALS: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask an admin for a new one.",
  expired: "This invitation has expired. Ask an admin for a new one.",
};

/** What the invitation page shows before the user accepts. Token lookup is cross-org. */
export async function previewInvitation(db: Database, token: string) {
  const inv = await db.admin.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      org: { select: { name: true, slug: true } },
    },
  });
  if (!inv) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  return { email: inv.email, role: inv.role, org: inv.org, state: stateOf(inv) };
}

/** `seats`: the queue a new member's seat sync is requested through (after the commit). */
export async function acceptInvitation(
  db: Database,
  user: { userId: string; email: string },
  token: string,
  seats: SeatSyncQueue,
) {
  const tokenHash = hashInvitationToken(token);
  const accepted = await db.admin.transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash },
      include: { org: { select: { id: true, slug: true, name: true } } },
    });
    if (!inv) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
    const state = stateOf(inv);
    if (state !== "pending") throw new AppError("PRECONDITION_FAILED", REFUSALS[state]);
    if (inv.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invitation is for ${inv.email}. Sign in with that address to accept it.`);
    }
    // Claim atomically: of two concurrent accepts, only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { id: inv.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date(), acceptedById: user.userId },
    });
    if (claimed.count !== 1) throw new AppError("PRECONDITION_FAILED", REFUSALS.accepted);
    const already = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: inv.orgId, userId: user.userId } },
      select: { id: true },
    });
    if (!already) await assertMemberCapacity(tx, inv.orgId, "accept");
    await tx.membership.upsert({
      where: { orgId_userId: { orgId: inv.orgId, userId: user.userId } },
      create: { orgId: inv.orgId, userId: user.userId, role: inv.role },
      update: {},
    });
    await recordAudit(tx, {
      orgId: inv.orgId,
      actor: user,
      action: "invitation.accepted",
      target: user.email,
      data: { role: inv.role },
    });
    return { org: inv.org, joined: !already };
  });
  if (accepted.joined) await requestSeatSync(seats, accepted.org.id);
  return accepted.org;
}
