import type { Role } from "@stagedoor/db";
import type { ApiScope } from "../api-tokens/scopes";

/** A signed-in member of the org, with the role their membership has right now. */
export type UserPrincipal = { type: "user"; userId: string; email: string; role: Role };

/**
 * An org API token. `creator` is who created it and the role they hold in the token's org
 * *now* (null role: no longer a member; null creator: unknown), read when the token is
 * verified: a token never does more than its creator currently may.
 */
export type TokenPrincipal = {
  type: "token";
  tokenId: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  creator: { userId: string; role: Role | null } | null;
};

/**
 * Who is calling, once authenticated; the org is already fixed by the caller's TenantDb.
 * A future SCIM client becomes a third variant here, with its own row in the permission
 * table (see permissions.ts), and nothing else changes for callers.
 */
export type Principal = UserPrincipal | TokenPrincipal;

/** The audit actor and extra data for a principal: tokens have no user, so they are named in data. */
export function auditIdentity(by: Principal | null) {
  if (!by) return { actor: null, data: { via: "system" } };
  if (by.type === "user") return { actor: { userId: by.userId, email: by.email }, data: {} };
  return { actor: null, data: { via: "api_token", token: by.name, tokenPrefix: by.prefix } };
}
