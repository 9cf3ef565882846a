import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { MAX_ORG_NAME_LENGTH } from "../limits";
import { recordAudit } from "../audit/record-audit";
import { authorize, type Principal, type UserPrincipal } from "../authz";

export async function getOrg(db: TenantDb, by: Principal) {
  authorize(by, "org.read");
  const org = await db.organization.findUnique({
    where: { id: db.orgId },
    select: { id: true, slug: true, name: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  if (!org) throw new AppError("NOT_FOUND", "Organization not found.");
  return { id: org.id, slug: org.slug, name: org.name, createdAt: org.createdAt, memberCount: org._count.memberships };
}

export async function renameOrg(db: TenantDb, actor: UserPrincipal, rawName: string) {
  authorize(actor, "org.update");
  const name = rawName.trim();
  if (!name) throw new AppError("BAD_REQUEST", "Give the organization a name.", { name: "Required." });
  if (name.length > MAX_ORG_NAME_LENGTH)
    throw new AppError("BAD_REQUEST", `Use at most ${MAX_ORG_NAME_LENGTH} characters for the name.`, {
      name: "Too long.",
    });
  return db.transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: db.orgId }, select: { name: true } });
    const org = await tx.organization.update({ where: { id: db.orgId }, data: { name } });
    if (before.name !== name) {
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "org.renamed",
        target: org.slug,
        data: { from: before.name, to: name },
      });
    }
    return { id: org.id, slug: org.slug, name: org.name };
  });
}
