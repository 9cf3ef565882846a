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
 * An identity provider (Okta, Entra ID) calling the org's SCIM endpoints with the org's
 * SCIM token. It acts for no member: what it may do is its own column of the table.
 */
export type ScimPrincipal = { type: "scim"; tokenId: string; name: string; prefix: string };

/** Who is calling, once authenticated; the org is already fixed by the caller's TenantDb. */
export type Principal = UserPrincipal | TokenPrincipal | ScimPrincipal;

/** The audit actor and extra data for a principal: tokens have no user, so they are named in data. */
export function auditIdentity(by: Principal | null) {
  if (!by) return { actor: null, data: { via: "system" } };
  if (by.type === "user") return { actor: { userId: by.userId, email: by.email }, data: {} };
  if (by.type === "scim") return { actor: null, data: { via: "scim", token: by.name, tokenPrefix: by.prefix } };
  return { actor: null, data: { via: "api_token", token: by.name, tokenPrefix: by.prefix } };
}
