import type { TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";

export async function listMembers(db: TenantDb, by: Principal) {
  authorize(by, "members.read");
  const rows = await db.membership.findMany({
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, image: true } },
    },
  });
  return rows.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, user: m.user }));
}

export async function listPendingInvitations(db: TenantDb, by: Principal) {
  authorize(by, "members.manage");
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}
