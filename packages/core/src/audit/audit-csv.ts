import type { AuditItem } from "./list-audit";

/** RFC 4180 quoting, plus a leading ' on cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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
