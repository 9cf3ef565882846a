import type { Role } from "@stagedoor/db";
import type { ApiScope } from "./api-tokens/scopes";

/**
 * Who is calling, once authenticated: a signed-in member (the session path) or an org API
 * token (the REST path). Either way the org is already fixed by the caller's TenantDb.
 */
export type Principal =
  | { type: "user"; userId: string; email: string; role: Role }
  | { type: "token"; tokenId: string; name: string; prefix: string; scopes: ApiScope[] };

/** The audit actor and extra data for a principal: tokens have no user, so they are named in data. */
export function auditIdentity(by: Principal | null) {
  if (!by) return { actor: null, data: { via: "system" } };
  if (by.type === "user") return { actor: { userId: by.userId, email: by.email }, data: {} };
  return { actor: null, data: { via: "api_token", token: by.name, tokenPrefix: by.prefix } };
}
