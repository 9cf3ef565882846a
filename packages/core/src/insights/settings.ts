import { z } from "zod";
import type { TenantDb } from "@stagedoor/db";
import { authorize, type Principal, type UserPrincipal } from "../authz";
import { authorizeInOrg } from "../billing/license-policy";
import { recordAudit } from "../audit/record-audit";
import { pluginPermission } from "../plugins/permissions";
import {
  INSIGHTS_DEFAULT_RETENTION_MONTHS,
  INSIGHTS_MAX_RETENTION_MONTHS,
  INSIGHTS_MIN_RETENTION_MONTHS,
} from "../limits";

export type InsightsSettingsView = { retentionMonths: number; pseudonymize: boolean };

export const insightsSettingsInput = z.strictObject({
  retentionMonths: z.number().int().min(INSIGHTS_MIN_RETENTION_MONTHS).max(INSIGHTS_MAX_RETENTION_MONTHS),
  pseudonymize: z.boolean(),
});

/** The org's settings, or the defaults when it never changed them (no row). */
export async function readInsightsSettings(db: TenantDb): Promise<InsightsSettingsView> {
  const row = await db.insightsSettings.findUnique({ where: { orgId: db.orgId } });
  return {
    retentionMonths: row?.retentionMonths ?? INSIGHTS_DEFAULT_RETENTION_MONTHS,
    pseudonymize: row?.pseudonymize ?? false,
  };
}

export async function getInsightsSettings(db: TenantDb, by: Principal): Promise<InsightsSettingsView> {
  await authorizeInOrg(db, by, pluginPermission("insights", "read"));
  return readInsightsSettings(db);
}

/**
 * Privacy settings are the org's choice, so they need both a licensed Insights user and
 * an admin (`org.update`); the change is audited.
 */
export async function updateInsightsSettings(
  db: TenantDb,
  by: UserPrincipal,
  input: z.infer<typeof insightsSettingsInput>,
): Promise<InsightsSettingsView> {
  authorize(by, "org.update");
  await authorizeInOrg(db, by, pluginPermission("insights", "write"));
  return db.transaction(async (tx) => {
    const row = await tx.insightsSettings.upsert({
      where: { orgId: db.orgId },
      create: { orgId: db.orgId, ...input },
      update: input,
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor: { userId: by.userId, email: by.email },
      action: "insights.settings_changed",
      target: "insights",
      data: input,
    });
    return { retentionMonths: row.retentionMonths, pseudonymize: row.pseudonymize };
  });
}
