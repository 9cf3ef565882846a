import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "../../../errors";
import { tagPath, type AllocationRule } from "./allocation";
import { MAX_REPORTED_REJECTS, REQUIRED_FOCUS_COLUMNS, type FocusFormat } from "./focus-columns";

export type FocusFile = { path: string; format: FocusFormat; name: string };

/** One daily aggregate; amounts are decimal strings as DuckDB summed them (never JS floats). */
export type CostAggregate = {
  day: string;
  currency: string;
  serviceName: string;
  /** Index into the allocation rules of the key that allocated these rows, or -1 (unallocated). */
  rule: number;
  value: string;
  billedCost: string;
  effectiveCost: string;
  rows: number;
};

export type RejectedRow = { file: string; row: number; message: string };

export type FocusReadResult = {
  aggregates: CostAggregate[];
  rowsRead: number;
  rowsRejected: number;
  rejected: RejectedRow[];
};

export type FocusReaderOptions = {
  /** DuckDB's memory limit; it spills to temp files beyond it (exports are gigabytes). */
  memoryLimit?: string;
  threads?: number;
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The scan of one file with a 1-based data row number (CSV: header excluded). */
function scan(file: FocusFile): string {
  return file.format === "parquet"
    ? `(SELECT *, file_row_number + 1 AS __row FROM read_parquet(${quote(file.path)}, file_row_number = true))`
    : `(SELECT *, row_number() OVER () AS __row FROM read_csv(${quote(file.path)}, header = true, all_varchar = true))`;
}

async function columnsOf(connection: DuckDBConnection, file: FocusFile): Promise<Set<string>> {
  const source =
    file.format === "parquet"
      ? `read_parquet(${quote(file.path)})`
      : `read_csv(${quote(file.path)}, header = true, all_varchar = true)`;
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  return new Set(reader.getRowObjects().map((r) => String(r.column_name)));
}

/**
 * The typed view of a file: every FOCUS column used, parsed with TRY_CAST so a bad value
 * makes a bad row (reported with its number) instead of failing the file, and the reason
 * a row is refused (null when it is good).
 */
function typed(file: FocusFile, columns: Set<string>, rules: readonly AllocationRule[]): string {
  const effective = columns.has("EffectiveCost") ? "TRY_CAST(EffectiveCost AS DECIMAL(24,8))" : "NULL";
  const tags = columns.has("Tags") ? "TRY_CAST(CAST(Tags AS VARCHAR) AS JSON)" : "NULL::JSON";
  const values = rules.map((r) => `NULLIF(trim(json_extract_string(tags, ${quote(tagPath(r.key))})), '')`);
  const rule = rules.length
    ? `CASE ${values.map((v, i) => `WHEN ${v} IS NOT NULL THEN ${i}`).join(" ")} ELSE -1 END`
    : "-1";
  const value = rules.length ? `COALESCE(${values.join(", ")}, '')` : "''";
  return `
    WITH raw AS (
      SELECT __row,
        TRY_CAST(BilledCost AS DECIMAL(24,8)) AS billed,
        ${effective} AS effective_raw,
        CAST(BilledCost AS VARCHAR) AS billed_text,
        upper(trim(CAST(BillingCurrency AS VARCHAR))) AS currency,
        CAST(TRY_CAST(ChargePeriodStart AS TIMESTAMPTZ) AS TIMESTAMP) AS period_start,
        CAST(TRY_CAST(ChargePeriodEnd AS TIMESTAMPTZ) AS TIMESTAMP) AS period_end,
        COALESCE(CAST(ServiceName AS VARCHAR), '') AS service,
        ${tags} AS tags
      FROM ${scan(file)}
    ), rows AS (
      SELECT *, COALESCE(effective_raw, billed) AS effective,
        CASE
          WHEN billed IS NULL THEN 'BilledCost ' || COALESCE('"' || billed_text || '"', 'is empty') || ' is not a number'
          WHEN currency IS NULL OR NOT regexp_full_match(currency, '[A-Z]{3}') THEN 'BillingCurrency is not a three-letter currency code'
          WHEN period_start IS NULL THEN 'ChargePeriodStart is not a timestamp'
          WHEN period_end IS NULL THEN 'ChargePeriodEnd is not a timestamp'
          WHEN period_end < period_start THEN 'ChargePeriodEnd is before ChargePeriodStart'
          ELSE NULL
        END AS problem
      FROM raw
    )
    SELECT *, ${rule} AS rule, ${value} AS value FROM rows`;
}

/**
 * Reads FOCUS files with DuckDB and returns daily aggregates by day (UTC day of
 * ChargePeriodStart), currency, service and allocation. DuckDB streams the files and sums
 * in DECIMAL, so memory stays bounded by the aggregates, not the export, and no amount is
 * ever a float. Timestamps are read with their offset and counted on their UTC day
 * (DuckDB's TIMESTAMPTZ to TIMESTAMP cast is UTC without the ICU extension). Bad rows are counted and the first ones returned with their row numbers.
 */
export async function readFocusFiles(
  files: readonly FocusFile[],
  rules: readonly AllocationRule[],
  options: FocusReaderOptions = {},
): Promise<FocusReadResult> {
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? "256MB",
    threads: String(options.threads ?? 2),
  });
  const connection = await instance.connect();
  try {
    const rejected: RejectedRow[] = [];
    let rowsRejected = 0;
    // Per-file sums land here; the final sum merges files whose days overlap (split exports).
    await connection.run(`CREATE TEMP TABLE agg (day DATE, currency VARCHAR, service VARCHAR, rule INTEGER,
      value VARCHAR, billed DECIMAL(38,8), effective DECIMAL(38,8), n BIGINT)`);
    for (const file of files) {
      const columns = await columnsOf(connection, file);
      const missing = REQUIRED_FOCUS_COLUMNS.filter((c) => !columns.has(c));
      if (missing.length) {
        throw new AppError(
          "BAD_REQUEST",
          `${file.name} is not a FOCUS export: column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} missing.`,
        );
      }
      const view = typed(file, columns, rules);
      await connection.run(`
        INSERT INTO agg
        WITH t AS (${view})
        SELECT CAST(period_start AS DATE), currency, service, rule, value, SUM(billed), SUM(effective), COUNT(*)
        FROM t WHERE problem IS NULL
        GROUP BY ALL`);
      const bad = await connection.runAndReadAll(`
        WITH t AS (${view}), bad AS (SELECT __row, problem FROM t WHERE problem IS NOT NULL)
        SELECT (SELECT COUNT(*) FROM bad) AS total, __row, problem FROM bad ORDER BY __row LIMIT ${MAX_REPORTED_REJECTS}`);
      const badRows = bad.getRowObjects();
      rowsRejected += badRows.length ? Number(badRows[0]!.total) : 0;
      for (const r of badRows) {
        if (rejected.length < MAX_REPORTED_REJECTS) {
          rejected.push({ file: file.name, row: Number(r.__row), message: String(r.problem) });
        }
      }
    }
    const result = await connection.runAndReadAll(`
      SELECT strftime(day, '%Y-%m-%d') AS day, currency, service, rule, value,
        CAST(SUM(billed) AS VARCHAR) AS billed, CAST(SUM(effective) AS VARCHAR) AS effective, SUM(n) AS n
      FROM agg GROUP BY ALL`);
    const aggregates = result.getRowObjects().map((r): CostAggregate => ({
      day: String(r.day),
      currency: String(r.currency),
      serviceName: String(r.service),
      rule: Number(r.rule),
      value: String(r.value),
      billedCost: String(r.billed),
      effectiveCost: String(r.effective),
      rows: Number(r.n),
    }));
    const rowsRead = aggregates.reduce((n, a) => n + a.rows, 0) + rowsRejected;
    return { aggregates, rowsRead, rowsRejected, rejected };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
