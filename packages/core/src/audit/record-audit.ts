import type { PrismaTypes } from "@stagedoor/db";

export type AuditAction =
  | "org.created"
  | "org.renamed"
  | "member.invited"
  | "member.role_changed"
  | "member.removed"
  | "member.access_ended"
  | "invitation.accepted"
  | "invitation.revoked"
  | "api_token.created"
  | "api_token.revoked"
  | "catalog.imported"
  | "catalog.unregistered"
  | "catalog.refresh_requested"
  | "catalog.pull_request_opened"
  | "integration.connected"
  | "integration.updated"
  | "integration.host_changed"
  | "integration.deleted"
  | "integration.sync_requested"
  | "integration.webhook_secret_revealed"
  | "scim_token.created"
  | "scim_token.revoked"
  | "scim.user_provisioned"
  | "scim.user_updated"
  | "scim.user_deactivated"
  | "scim.user_deleted"
  | "scim.group_created"
  | "scim.group_updated"
  | "scim.group_deleted"
  | "billing.checkout_started"
  | "billing.portal_opened"
  | "billing.subscription_changed"
  | "billing.payment_failed"
  | "billing.payment_succeeded"
  | "billing.trial_started"
  | "billing.seats_synced"
  | "license.assigned"
  | "license.released"
  | "sso.created"
  | "sso.updated"
  | "sso.tested"
  | "sso.test_failed"
  | "sso.enabled"
  | "sso.disabled"
  | "sso.required"
  | "sso.optional"
  | "sso.member_provisioned"
  | "sso.break_glass"
  | "sso.sessions_changed"
  | "domain.added"
  | "domain.removed"
  | "domain.verified"
  | "sessions.ended_everywhere"
  | "insights.settings_changed";

type Writer = Pick<PrismaTypes.TransactionClient, "auditLog">;

/** Written inside the same transaction as the change it records. */
export async function recordAudit(
  tx: Writer,
  entry: {
    orgId: string;
    actor: { userId: string; email: string } | null;
    action: AuditAction;
    target?: string;
    data?: PrismaTypes.InputJsonObject;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      orgId: entry.orgId,
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      target: entry.target ?? null,
      data: entry.data ?? {},
    },
  });
}

/** Several entries in one statement (a page of a sync imports one source per repository). */
export async function recordAudits(tx: Writer, entries: Array<Parameters<typeof recordAudit>[1]>): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((entry) => ({
      orgId: entry.orgId,
      actorId: entry.actor?.userId ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      target: entry.target ?? null,
      data: entry.data ?? {},
    })),
  });
}
