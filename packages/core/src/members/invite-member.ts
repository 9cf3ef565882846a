import type { Role, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { assertMemberCapacity } from "../billing/member-limit";
import { recordAudit } from "../audit/record-audit";
import { authorize, can, type UserPrincipal } from "../authz";
import { newInvitationToken } from "../invitations/tokens";
import { INVITATION_TTL_DAYS } from "../limits";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates an invitation and returns its token once; the caller shows the link (there is
 * no mail transport yet). Re-inviting an address replaces its pending invitation.
 */
export async function inviteMember(db: TenantDb, actor: UserPrincipal, input: { email: string; role: Role }) {
  authorize(actor, "members.manage");
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new AppError("BAD_REQUEST", "Enter a valid email address.", { email: "Not an email address." });
  if (input.role === "OWNER" && !can(actor, "members.manage-owners")) {
    throw new AppError("FORBIDDEN", `Only an owner can invite someone as ${input.role.toLowerCase()}.`, {
      role: "Above your own role.",
    });
  }

  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  const invitation = await db.transaction(async (tx) => {
    const existingMember = await tx.membership.findFirst({ where: { user: { email } }, select: { id: true } });
    if (existingMember) throw new AppError("CONFLICT", `${email} is already a member.`, { email: "Already a member." });
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await assertMemberCapacity(tx, db.orgId, "invite");
    const created = await tx.invitation.create({
      data: { orgId: db.orgId, email, role: input.role, tokenHash, invitedById: actor.userId, expiresAt },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "member.invited",
      target: email,
      data: { role: input.role },
    });
    return created;
  });
  return { invitation, token };
}

export async function revokeInvitation(db: TenantDb, actor: UserPrincipal, invitationId: string) {
  authorize(actor, "members.manage");
  await db.transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!inv || inv.acceptedAt || inv.revokedAt) throw new AppError("NOT_FOUND", "Invitation not found.");
    await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { orgId: db.orgId, actor, action: "invitation.revoked", target: inv.email });
  });
}
