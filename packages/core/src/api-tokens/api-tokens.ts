import { createHash, randomBytes } from "node:crypto";
import { Prisma, type Database, type Role, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { MAX_TOKEN_NAME_LENGTH } from "../limits";
import { recordAudit } from "../audit/record-audit";
import { authorize, type Principal, type TokenPrincipal, type UserPrincipal } from "../authz";
import { isApiScope, type ApiScope } from "./scopes";

// Recognisable in logs and by secret scanners; the rest is 32 random bytes.
const TOKEN_PREFIX = "sdt_";
const DISPLAY_CHARS = 12;
// lastUsedAt is for people ("used 3 minutes ago"), so one write a minute per token is plenty.
const LAST_USED_RESOLUTION_MS = 60_000;
// A verified token is remembered this long, so a busy client costs one lookup per window
// instead of a transaction per request. It bounds how long a revoked token keeps working
// in *other* processes; revoking evicts it here at once.
export const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX = 1000;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdById: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const SUMMARY = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Creates a token and returns it once; only its sha256 is stored. */
export async function createApiToken(db: TenantDb, actor: UserPrincipal, input: { name: string; scopes: string[] }) {
  authorize(actor, "tokens.manage");
  const name = input.name.trim();
  if (!name || name.length > MAX_TOKEN_NAME_LENGTH) {
    throw new AppError("BAD_REQUEST", `Give the token a name of 1-${MAX_TOKEN_NAME_LENGTH} characters.`, {
      name: "Required.",
    });
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || !scopes.every(isApiScope)) {
    throw new AppError("BAD_REQUEST", "Choose catalog:read, catalog:write or both.", { scopes: "Invalid scopes." });
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, DISPLAY_CHARS);
  const record = await db.transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { orgId: db.orgId, name, scopes, prefix, tokenHash: hashApiToken(token), createdById: actor.userId },
      select: SUMMARY,
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "api_token.created",
      target: name,
      data: { prefix, scopes },
    });
    return created;
  });
  return { token, apiToken: record as ApiTokenSummary };
}

export async function listApiTokens(db: TenantDb, by: Principal): Promise<ApiTokenSummary[]> {
  authorize(by, "tokens.manage");
  const rows = await db.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SUMMARY });
  return rows as ApiTokenSummary[];
}

export async function revokeApiToken(db: TenantDb, actor: UserPrincipal, tokenId: string): Promise<void> {
  authorize(actor, "tokens.manage");
  await db.transaction(async (tx) => {
    const claimed = await tx.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "API token not found.");
    const token = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true, prefix: true } });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "api_token.revoked",
      target: token.name,
      data: { prefix: token.prefix },
    });
  });
  // After the commit: a request verifying meanwhile would otherwise remember it again.
  forgetVerifiedTokens(tokenId);
}

/** A verified token: its org, and the principal it acts as there. */
export type VerifiedToken = TokenPrincipal & { orgId: string };

const verified = new Map<string, { principal: VerifiedToken; until: number }>();

function remember(tokenHash: string, principal: VerifiedToken): void {
  if (verified.size >= TOKEN_CACHE_MAX) verified.delete(verified.keys().next().value!);
  verified.set(tokenHash, { principal, until: Date.now() + TOKEN_CACHE_MS });
}

/** Drops every remembered verification (tests; and after revoking, for the revoked token). */
export function forgetVerifiedTokens(tokenId?: string): void {
  if (!tokenId) return verified.clear();
  for (const [hash, entry] of verified) if (entry.principal.tokenId === tokenId) verified.delete(hash);
}

/**
 * Drops remembered tokens created by `userId`, after their role changed or they left: the
 * next request re-reads the creator's role. Other processes see it within TOKEN_CACHE_MS.
 */
export function forgetVerifiedTokensOf(userId: string): void {
  for (const [hash, entry] of verified) if (entry.principal.creator?.userId === userId) verified.delete(hash);
}

/**
 * The org, scopes and creator's current role of a bearer token, or null for an unknown or
 * revoked one (what it may do is `authorize`'s decision, not this lookup's). The token
 * is what names the org, so this lookup is cross-org by nature and runs as admin; it is
 * one indexed read (remembered for TOKEN_CACHE_MS), plus a write at most once a minute
 * for lastUsedAt. Failures are never remembered.
 */
export async function authenticateApiToken(db: Database, token: string): Promise<VerifiedToken | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const tokenHash = hashApiToken(token);
  const known = verified.get(tokenHash);
  if (known && known.until > Date.now()) return known.principal;
  const [row] = await db.admin.sql.one<{
    id: string;
    orgId: string;
    name: string;
    prefix: string;
    scopes: string[];
    createdById: string | null;
    creatorRole: Role | null;
    stale: boolean;
  }>(Prisma.sql`
      SELECT t.id, t."orgId", t.name, t.prefix, t.scopes, t."createdById", m.role AS "creatorRole",
        (t."lastUsedAt" IS NULL OR t."lastUsedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000})) AS stale
      FROM "ApiToken" t
      LEFT JOIN "Membership" m ON m."orgId" = t."orgId" AND m."userId" = t."createdById"
      WHERE t."tokenHash" = ${tokenHash} AND t."revokedAt" IS NULL`);
  if (!row) return null;
  if (row.stale) {
    await db.admin.sql.one(
      Prisma.sql`UPDATE "ApiToken" SET "lastUsedAt" = (now() AT TIME ZONE 'UTC') WHERE id = ${row.id}`,
    );
  }
  const principal: VerifiedToken = {
    type: "token",
    tokenId: row.id,
    orgId: row.orgId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isApiScope),
    creator: row.createdById ? { userId: row.createdById, role: row.creatorRole } : null,
  };
  remember(tokenHash, principal);
  return principal;
}
