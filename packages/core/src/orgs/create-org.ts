import type { Database } from "@stagedoor/db";
import { AppError } from "../errors";
import { MAX_ORG_NAME_LENGTH } from "../limits";
import { recordAudit } from "../audit/record-audit";
import { assertValidSlug } from "./slug";

export type CreateOrgInput = { name: string; slug: string };

/**
 * Creates the org with the caller as its first OWNER. This is one of the few cross-org
 * operations (the org does not exist yet), so it runs on the admin client.
 */
export async function createOrg(db: Database, user: { userId: string; email: string }, input: CreateOrgInput) {
  const name = input.name.trim();
  if (!name) throw new AppError("BAD_REQUEST", "Give the organization a name.", { name: "Required." });
  if (name.length > MAX_ORG_NAME_LENGTH)
    throw new AppError("BAD_REQUEST", `Use at most ${MAX_ORG_NAME_LENGTH} characters for the name.`, {
      name: "Too long.",
    });
  assertValidSlug(input.slug);

  return db.admin.transaction(async (tx) => {
    const taken = await tx.organization.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (taken) {
      throw new AppError("CONFLICT", `The URL "${input.slug}" is already taken.`, { slug: "Already taken." });
    }
    const org = await tx.organization.create({ data: { name, slug: input.slug } });
    await tx.membership.create({ data: { orgId: org.id, userId: user.userId, role: "OWNER" } });
    await recordAudit(tx, { orgId: org.id, actor: user, action: "org.created", target: org.slug, data: { name } });
    return org;
  });
}
