import { randomBytes } from "node:crypto";
import type { Database, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { MAX_TOKEN_NAME_LENGTH } from "../limits";
import { recordAudit } from "../audit/record-audit";
import { assertPlanAllows } from "../billing/plan-capabilities";
import { authorize, type Principal, type ScimPrincipal, type UserPrincipal } from "../authz";
import { hashApiToken } from "../api-tokens/api-tokens";

// Distinct from API tokens (sdt_) so neither can be mistaken for the other, by people,
// secret scanners or the two authenticators.
const TOKEN_PREFIX = "sdscim_";
const DISPLAY_CHARS = 14;
const LAST_USED_RESOLUTION_MS = 60_000;

export type ScimTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const SUMMARY = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates an org's SCIM token and returns it once; only its sha256 is stored. */
export async function createScimToken(db: TenantDb, actor: UserPrincipal, input: { name: string }) {
  authorize(actor, "scim.manage");
  const name = input.name.trim();
  if (!name || name.length > MAX_TOKEN_NAME_LENGTH) {
    throw new AppError("BAD_REQUEST", `Give the token a name of 1-${MAX_TOKEN_NAME_LENGTH} characters.`, {
      name: "Required.",
    });
  }
  await assertPlanAllows(db, db.orgId, "scim");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, DISPLAY_CHARS);
  const scimToken = await db.transaction(async (tx) => {
    const created = await tx.scimToken.create({
      data: { orgId: db.orgId, name, prefix, tokenHash: hashApiToken(token), createdById: actor.userId },
      select: SUMMARY,
    });
    await recordAudit(tx, { orgId: db.orgId, actor, action: "scim_token.created", target: name, data: { prefix } });
    return created;
  });
  return { token, scimToken: scimToken as ScimTokenSummary };
}

export async function listScimTokens(db: TenantDb, by: Principal): Promise<ScimTokenSummary[]> {
  authorize(by, "scim.manage");
  return db.scimToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SUMMARY });
}

export async function revokeScimToken(db: TenantDb, actor: UserPrincipal, tokenId: string): Promise<void> {
  authorize(actor, "scim.manage");
  await db.transaction(async (tx) => {
    const claimed = await tx.scimToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "SCIM token not found.");
    const token = await tx.scimToken.findUniqueOrThrow({
      where: { id: tokenId },
      select: { name: true, prefix: true },
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "scim_token.revoked",
      target: token.name,
      data: { prefix: token.prefix },
    });
  });
}

export type VerifiedScimToken = ScimPrincipal & { orgId: string };

/**
 * The org and principal of a SCIM bearer token, or null for an unknown or revoked one. The
 * token names the org, so the lookup is cross-org by nature and runs as admin. Not cached:
 * provisioning traffic is light, and a revoked token must stop at once in every process.
 */
export async function authenticateScimToken(db: Database, token: string): Promise<VerifiedScimToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = await db.admin.scimToken.findFirst({
    where: { tokenHash: hashApiToken(token), revokedAt: null },
    select: { id: true, orgId: true, name: true, prefix: true, lastUsedAt: true },
  });
  if (!row) return null;
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < Date.now() - LAST_USED_RESOLUTION_MS) {
    await db.admin.scimToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { type: "scim", tokenId: row.id, name: row.name, prefix: row.prefix, orgId: row.orgId };
}
