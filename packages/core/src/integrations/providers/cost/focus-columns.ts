/**
 * The FOCUS 1.x columns an import reads. Required ones must exist in the file; optional
 * ones are read when present (EffectiveCost falls back to BilledCost, Tags to none).
 */
export const REQUIRED_FOCUS_COLUMNS = [
  "BilledCost",
  "BillingCurrency",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ServiceName",
] as const;
export const OPTIONAL_FOCUS_COLUMNS = ["EffectiveCost", "ResourceId", "Tags"] as const;

/** How many refused rows an import keeps with their row numbers (the rest are counted). */
export const MAX_REPORTED_REJECTS = 100;

export type FocusFormat = "csv" | "parquet";

/** Parquet by extension; everything else (.csv, .csv.gz) is read as CSV, gzip detected by DuckDB. */
export const formatOf = (name: string): FocusFormat => (/\.parquet$/i.test(name) ? "parquet" : "csv");
