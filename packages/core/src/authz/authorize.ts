import type { Role } from "@stagedoor/db";
import { AppError } from "../errors";
import { ROLES } from "../roles";
import { API_SCOPES } from "../api-tokens/scopes";
import type { Principal, UserPrincipal } from "./principal";
import { PERMISSION_TEXT, ROLE_PERMISSIONS, SCIM_PERMISSIONS, SCOPE_PERMISSIONS, type Permission } from "./permissions";

/**
 * The seam for rules that depend on the org rather than on the principal: plugin
 * licenses (billing) and SSO policy (e.g. "members must have signed in through SSO")
 * plug in here as policies the caller passes in `OrgContext`, so that they apply
 * wherever `authorize` is called. A policy returns null to allow, or the refusal message.
 * Policies can only take permissions away; the tables decide what can be granted.
 */
export type OrgPolicy = (principal: Principal, permission: Permission) => string | null;
export type OrgContext = { policies?: readonly OrgPolicy[] };

/** Why `principal` may not do `permission`, or null when it may. */
export function refusal(principal: Principal, permission: Permission, org?: OrgContext): string | null {
  const text = PERMISSION_TEXT[permission];
  if (principal.type === "user") {
    if (!ROLE_PERMISSIONS[principal.role].has(permission)) return `Only ${holders(permission)} can ${text}.`;
  } else if (principal.type === "scim") {
    if (!SCIM_PERMISSIONS.has(permission)) return `A SCIM token may not ${text}.`;
  } else {
    if (!principal.scopes.some((s) => SCOPE_PERMISSIONS[s].has(permission))) {
      const scope = API_SCOPES.find((s) => SCOPE_PERMISSIONS[s].has(permission));
      return scope ? `This API token may not ${text}: it needs the ${scope} scope.` : `API tokens may not ${text}.`;
    }
    const role = principal.creator?.role ?? null;
    if (!role || !ROLE_PERMISSIONS[role].has(permission)) {
      return (
        `This API token may no longer ${text}: a token never does more than its creator's current role allows, ` +
        (role ? `and its creator is now a ${role.toLowerCase()}.` : "and its creator is no longer a member.")
      );
    }
  }
  for (const policy of org?.policies ?? []) {
    const message = policy(principal, permission);
    if (message) return message;
  }
  return null;
}

export function can(principal: Principal, permission: Permission, org?: OrgContext): boolean {
  return refusal(principal, permission, org) === null;
}

/** The one authorization point: throws FORBIDDEN unless `principal` may do `permission`. */
export function authorize(principal: Principal, permission: Permission, org?: OrgContext): void {
  const message = refusal(principal, permission, org);
  if (message) throw new AppError("FORBIDDEN", message);
}

/** The lowest roles holding a permission, for messages ("admins", "owners"). */
function holders(permission: Permission): string {
  const lowest = [...ROLES].reverse().find((r: Role) => ROLE_PERMISSIONS[r].has(permission));
  return lowest ? `${lowest.toLowerCase()}s` : "identity providers (SCIM clients)";
}

/** Narrows to a member for services only people can use (they still call `authorize`). */
export function isUser(principal: Principal): principal is UserPrincipal {
  return principal.type === "user";
}
