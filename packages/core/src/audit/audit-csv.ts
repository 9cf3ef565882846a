import type { TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";
import { assertPlanAllows } from "../billing/plan-capabilities";
import { csvCell } from "../csv";
import { listAudit, type AuditItem, type AuditPage } from "./list-audit";

export const AUDIT_CSV_HEADER = ["time", "actor", "action", "target", "summary", "details"];

export function auditCsvRow(item: AuditItem): string {
  return [
    item.createdAt.toISOString(),
    item.actorEmail ?? "system",
    item.action,
    item.target ?? "",
    item.summary,
    JSON.stringify(item.data ?? {}),
  ]
    .map(csvCell)
    .join(",");
}

/**
 * One page of the CSV export: the same rows as the audit page (same permission, same
 * filters), on plans that include audit export (Enterprise). Reading the log in the app
 * stays on every plan.
 */
export async function listAuditForExport(
  db: TenantDb,
  by: Principal,
  input: Parameters<typeof listAudit>[2],
): Promise<AuditPage> {
  authorize(by, "audit.read");
  await assertPlanAllows(db, db.orgId, "auditExport");
  return listAudit(db, by, input);
}
