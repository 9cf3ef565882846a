import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import { MAX_LICENSE_BULK } from "../limits";
import { findPlugin, isPluginKey, type PluginKey } from "../plugins/registry";
import { lockBillingRow } from "./billing-row";
import { computeEntitlements } from "./entitlements";

type LicenseInput = { pluginKey: string; userIds: string[] };

function checkInput(input: LicenseInput): PluginKey {
  if (!isPluginKey(input.pluginKey)) throw new AppError("NOT_FOUND", "No such plugin.");
  if (input.userIds.length === 0) throw new AppError("BAD_REQUEST", "Choose at least one member.");
  if (input.userIds.length > MAX_LICENSE_BULK)
    throw new AppError("BAD_REQUEST", `At most ${MAX_LICENSE_BULK} members at once.`);
  return input.pluginKey;
}

/**
 * Gives plugin seats to members. The org's billing row is locked (SELECT … FOR UPDATE) for
 * the transaction, so two admins racing for the last seat serialize and the second sees it
 * taken. Members of other orgs are not found (RLS plus the membership foreign key).
 */
export async function assignLicenses(db: TenantDb, actor: Principal, input: LicenseInput) {
  authorize(actor, "billing.manage");
  const key = checkInput(input);
  const plugin = findPlugin(key)!;
  const userIds = [...new Set(input.userIds)];
  return db.transaction(async (tx) => {
    await lockBillingRow(tx, db.orgId);
    const members = await tx.membership.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, user: { select: { email: true } } },
    });
    if (members.length !== userIds.length) throw new AppError("NOT_FOUND", "Member not found.");
    const billing = await tx.orgBilling.findUnique({ where: { orgId: db.orgId } });
    const entitlement = computeEntitlements(billing, new Date()).plugins[key];
    if (entitlement.state === "none")
      throw new AppError("PRECONDITION_FAILED", `${plugin.name} is not licensed: buy seats or start a trial first.`);
    const held = await tx.pluginLicense.findMany({ where: { pluginKey: key }, select: { userId: true } });
    const holders = new Set(held.map((h) => h.userId));
    const newcomers = members.filter((m) => !holders.has(m.userId));
    const free = entitlement.seats - holders.size;
    if (newcomers.length > free) {
      throw new AppError(
        "CONFLICT",
        `${plugin.name} has ${Math.max(free, 0)} free seat${free === 1 ? "" : "s"} of ${entitlement.seats}: ` +
          `buy more seats or release a license first.`,
      );
    }
    const { actor: who, data } = auditIdentity(actor);
    for (const m of newcomers) {
      await tx.pluginLicense.create({
        data: { orgId: db.orgId, pluginKey: key, userId: m.userId, assignedById: who?.userId ?? null },
      });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor: who,
        action: "license.assigned",
        target: m.user.email,
        data: { ...data, plugin: key },
      });
    }
    return { assigned: newcomers.length, seats: entitlement.seats, used: holders.size + newcomers.length };
  });
}

/** Takes seats back (also how an admin picks which licenses go after a downgrade). */
export async function releaseLicenses(db: TenantDb, actor: Principal, input: LicenseInput) {
  authorize(actor, "billing.manage");
  const key = checkInput(input);
  return db.transaction(async (tx) => {
    const licenses = await tx.pluginLicense.findMany({
      where: { pluginKey: key, userId: { in: input.userIds } },
      select: { id: true, membership: { select: { user: { select: { email: true } } } } },
    });
    const { actor: who, data } = auditIdentity(actor);
    for (const l of licenses) {
      await tx.pluginLicense.delete({ where: { id: l.id } });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor: who,
        action: "license.released",
        target: l.membership.user.email,
        data: { ...data, plugin: key },
      });
    }
    return { released: licenses.length };
  });
}
