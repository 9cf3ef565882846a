import type { Role } from "@stagedoor/db";
import type { ApiScope } from "../api-tokens/scopes";
import { PLUGIN_PERMISSIONS, PLUGIN_PERMISSION_TEXT, type PluginPermission } from "../plugins/permissions";

/**
 * Everything a principal may be allowed to do to an org's data. Services name the one
 * they need; the tables below are the only place that says who has it.
 */
export type Permission =
  | "org.read"
  | "org.update"
  | "members.read"
  | "members.manage"
  | "members.manage-owners"
  | "audit.read"
  | "tokens.manage"
  | "catalog.read"
  | "catalog.import"
  | "integrations.read"
  | "integrations.manage"
  | "scim.manage"
  | "scim.provision"
  | "billing.read"
  | "billing.manage"
  | "sso.manage"
  // Every role may use a premium plugin; whether this org and this member are licensed is
  // the billing policy's call (billing/license-policy.ts), passed in through OrgContext.
  | PluginPermission;

const MEMBER: readonly Permission[] = [
  "org.read",
  "members.read",
  "catalog.read",
  "integrations.read",
  ...PLUGIN_PERMISSIONS,
];
const ADMIN: readonly Permission[] = [
  ...MEMBER,
  "org.update",
  "members.manage",
  "audit.read",
  "tokens.manage",
  "catalog.import",
  "integrations.manage",
  "scim.manage",
  "billing.read",
  "billing.manage",
  "sso.manage",
];
const OWNER: readonly Permission[] = [...ADMIN, "members.manage-owners"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  OWNER: new Set(OWNER),
  ADMIN: new Set(ADMIN),
  MEMBER: new Set(MEMBER),
};

/** What a scope allows at most; a token also never exceeds its creator's current role. */
export const SCOPE_PERMISSIONS: Record<ApiScope, ReadonlySet<Permission>> = {
  "catalog:read": new Set(["catalog.read"]),
  // Write implies read: a token that may push entities may also read what it pushed.
  "catalog:write": new Set(["catalog.read", "catalog.import"]),
};

/**
 * A SCIM client may provision users and groups and nothing else: it reads no catalog and
 * manages no tokens. No member role holds `scim.provision`: people change members through
 * the members pages, identity providers through SCIM.
 */
export const SCIM_PERMISSIONS: ReadonlySet<Permission> = new Set(["scim.provision"]);

/** For refusal messages: "Only admins can <text>." */
export const PERMISSION_TEXT: Record<Permission, string> = {
  "org.read": "see this organization",
  "org.update": "change the organization's settings",
  "members.read": "see the members",
  "members.manage": "manage members and invitations",
  "members.manage-owners": "grant, remove or invite the owner role",
  "audit.read": "read the audit log",
  "tokens.manage": "manage API tokens",
  "catalog.read": "read the catalog",
  "catalog.import": "import entities",
  "integrations.read": "see integrations",
  "integrations.manage": "manage integrations",
  "scim.manage": "manage SCIM provisioning tokens",
  "scim.provision": "provision users and groups over SCIM",
  "billing.read": "see the plan, licenses and invoices",
  "billing.manage": "change the plan or assign plugin licenses",
  ...PLUGIN_PERMISSION_TEXT,
  "sso.manage": "manage single sign-on, verified domains and session timeouts",
};
