/**
 * FOCUS rows for tests and the benchmark, built from the spec's column names. Amounts are
 * whole cents written as decimal strings, so expected totals are exact integers of cents.
 */
export const FOCUS_HEADER = [
  "BilledCost",
  "EffectiveCost",
  "BillingCurrency",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ServiceName",
  "ResourceId",
  "Tags",
] as const;

export type FocusRow = {
  billedCents: number;
  effectiveCents?: number;
  currency: string;
  day: string;
  service: string;
  resourceId?: string;
  tags?: Record<string, string>;
};

const cents = (n: number) =>
  `${n < 0 ? "-" : ""}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, "0")}`;
const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function focusCsvLine(row: FocusRow): string {
  return [
    cents(row.billedCents),
    cents(row.effectiveCents ?? row.billedCents),
    row.currency,
    `${row.day}T00:00:00Z`,
    `${row.day}T23:59:59Z`,
    row.service,
    row.resourceId ?? "",
    row.tags ? JSON.stringify(row.tags) : "",
  ]
    .map(csvField)
    .join(",");
}

export const focusCsv = (rows: readonly FocusRow[], extraLines: readonly string[] = []) =>
  [FOCUS_HEADER.join(","), ...rows.map(focusCsvLine), ...extraLines].join("\n") + "\n";
