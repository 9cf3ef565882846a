import type { TenantDb } from "@stagedoor/db";
import type { OrgContext, OrgPolicy } from "../authz/authorize";
import { authorize } from "../authz/authorize";
import type { Permission } from "../authz/permissions";
import type { Principal } from "../authz/principal";
import { parsePluginPermission } from "../plugins/permissions";
import { findPlugin, type PluginKey } from "../plugins/registry";
import { computeEntitlements, type Entitlements } from "./entitlements";

/** The billing page, for upgrade hints. */
const UPGRADE = "An admin can buy it or start a trial on the Billing page.";

/**
 * Premium plugins through the authorization seam: a plugin permission needs the org to be
 * entitled to the plugin and the member (for a token: its creator) to hold one of its
 * seats; once a failed payment's grace period is over the plugin is read-only. It only
 * refuses, never grants (authorize's rule for policies).
 */
export function licensePolicy(entitlements: Entitlements, licensed: ReadonlySet<PluginKey>): OrgPolicy {
  return (principal, permission) => {
    const target = parsePluginPermission(permission);
    if (!target) return null;
    const name = findPlugin(target.key)?.name ?? target.key;
    const plugin = entitlements.plugins[target.key];
    if (plugin.state === "none") return `${name} is a premium plugin this organization has no license for. ${UPGRADE}`;
    if (!licensed.has(target.key)) {
      return principal.type === "token"
        ? `This API token may not use ${name}: its creator holds no ${name} license.`
        : `You have no ${name} license. Ask an admin to assign you a seat on the Billing page.`;
    }
    if (plugin.state === "locked" && target.access === "write")
      return `${name} is read-only: a payment is overdue. An admin can pay the open invoice on the Billing page.`;
    return null;
  };
}

/** The user whose licenses count for a principal: the member, or a token's creator (a SCIM client holds none). */
function licenseHolder(principal: Principal): string | null {
  if (principal.type === "user") return principal.userId;
  if (principal.type === "token") return principal.creator?.userId ?? null;
  return null;
}

/** Loads what the policy needs (one billing row and the holder's licenses) from the org-bound client. */
export async function loadOrgContext(db: TenantDb, principal: Principal, now = new Date()): Promise<OrgContext> {
  const holder = licenseHolder(principal);
  const [billing, licenses] = await Promise.all([
    db.orgBilling.findUnique({ where: { orgId: db.orgId } }),
    holder
      ? db.pluginLicense.findMany({ where: { userId: holder }, select: { pluginKey: true } })
      : Promise.resolve([]),
  ]);
  const licensed = new Set(licenses.map((l) => l.pluginKey as PluginKey));
  return { policies: [licensePolicy(computeEntitlements(billing, now), licensed)] };
}

/** For plugin services: authorize with the org's licenses loaded (they never assume their caller checked). */
export async function authorizeInOrg(db: TenantDb, principal: Principal, permission: Permission): Promise<void> {
  authorize(principal, permission, await loadOrgContext(db, principal));
}
