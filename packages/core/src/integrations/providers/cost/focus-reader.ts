import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { AppError } from "../../../errors";
import { tagPath, type AllocationRule } from "./allocation";
import { dailyBatches, type DailyBatch, type ResolvedEntity } from "./daily-batches";
import { MAX_REPORTED_REJECTS, REQUIRED_FOCUS_COLUMNS, type FocusFormat } from "./focus-columns";

export type FocusFile = { path: string; format: FocusFormat; name: string };

export type RejectedRow = { file: string; row: number; message: string };

/** What an import read, without its aggregates (those stay in DuckDB until they are stored). */
export type FocusSummary = {
  rowsRead: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  /** Daily aggregates (day, currency, service, allocation) the files fold into. */
  aggregates: number;
  firstDay: string | null;
  lastDay: string | null;
  currencies: string[];
  /** Lower-cased values that entity rules allocated rows to, for the catalog lookup. */
  entityNames: string[];
};

/**
 * Files read into DuckDB's table of daily aggregates, open until `close()`: the import
 * streams the aggregates from it into PostgreSQL in batches (daily-batches.ts) instead of
 * holding them all as JavaScript objects.
 */
export type FocusRead = FocusSummary & {
  batches(entities: readonly ResolvedEntity[], size: number): AsyncGenerator<DailyBatch>;
  close(): void;
};

export type FocusReaderOptions = {
  /** DuckDB's memory limit; it spills to temp files beyond it (exports are gigabytes). */
  memoryLimit?: string;
  threads?: number;
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * CSV buffers of 4 MB instead of DuckDB's default (16 times the 2 MB longest line, about
 * 32 MB each, several alive at once while a gzip file is sniffed and read): they were most
 * of the import's peak memory, and smaller ones read no slower here. Lines may still be
 * up to 2 MB long.
 */
const CSV_OPTIONS = "header = true, all_varchar = true, buffer_size = 4194304";

const scanOf = (file: FocusFile) =>
  file.format === "parquet" ? `read_parquet(${quote(file.path)})` : `read_csv(${quote(file.path)}, ${CSV_OPTIONS})`;

/**
 * The scan of one file with a 1-based data row number (CSV: header excluded), for the
 * report of bad rows. Parquet has them for free; for CSV they cost a window over the whole
 * file, so only a file with bad rows is read this way, after the import's pass.
 */
function numberedScan(file: FocusFile): string {
  if (file.format === "parquet") {
    return `(SELECT *, file_row_number + 1 AS __row FROM read_parquet(${quote(file.path)}, file_row_number = true))`;
  }
  return `(SELECT *, row_number() OVER () AS __row FROM ${scanOf(file)})`;
}

async function columnsOf(connection: DuckDBConnection, file: FocusFile): Promise<Set<string>> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${scanOf(file)}`);
  return new Set(reader.getRowObjects().map((r) => String(r.column_name)));
}

/**
 * The typed view of a file: every FOCUS column used, parsed with TRY_CAST so a bad value
 * makes a bad row (reported with its number) instead of failing the file, and the reason
 * a row is refused (null when it is good). A line item's amount is DECIMAL(18,8) (up to
 * ten billion per line, 8 places; DuckDB parses it several times faster than wider
 * decimals); sums are DECIMAL(38,8). FOCUS timestamps are UTC (the spec requires it).
 * Tags are parsed once and every allocation key read in one json_extract_string call.
 */
function typed(file: FocusFile, columns: Set<string>, rules: readonly AllocationRule[]): string {
  const effective = columns.has("EffectiveCost") ? "TRY_CAST(EffectiveCost AS DECIMAL(18,8))" : "NULL";
  const tags = columns.has("Tags") ? "CAST(Tags AS VARCHAR)" : "NULL::VARCHAR";
  const paths = rules.length ? `[${rules.map((r) => quote(tagPath(r.key))).join(", ")}]` : "[]::VARCHAR[]";
  return `
    WITH raw AS (
      SELECT __row,
        TRY_CAST(BilledCost AS DECIMAL(18,8)) AS billed,
        ${effective} AS effective_raw,
        CAST(BilledCost AS VARCHAR) AS billed_text,
        upper(trim(CAST(BillingCurrency AS VARCHAR))) AS currency,
        TRY_CAST(ChargePeriodStart AS TIMESTAMP) AS period_start,
        TRY_CAST(ChargePeriodEnd AS TIMESTAMP) AS period_end,
        COALESCE(CAST(ServiceName AS VARCHAR), '') AS service,
        list_transform(json_extract_string(TRY_CAST(${tags} AS JSON), ${paths}), x -> NULLIF(trim(x), '')) AS tag_values
      FROM ${numberedScan(file)}
    )
    SELECT *, COALESCE(effective_raw, billed) AS effective,
      CASE
        WHEN billed IS NULL THEN 'BilledCost ' || COALESCE('"' || billed_text || '"', 'is empty') || ' is not a number'
        WHEN currency IS NULL OR NOT regexp_full_match(currency, '[A-Z]{3}') THEN 'BillingCurrency is not a three-letter currency code'
        WHEN period_start IS NULL THEN 'ChargePeriodStart is not a timestamp'
        WHEN period_end IS NULL THEN 'ChargePeriodEnd is not a timestamp'
        WHEN period_end < period_start THEN 'ChargePeriodEnd is before ChargePeriodStart'
        ELSE NULL
      END AS problem,
      COALESCE(list_position(list_transform(tag_values, x -> x IS NOT NULL), true) - 1, -1) AS rule,
      COALESCE(list_filter(tag_values, x -> x IS NOT NULL)[1], '') AS value
    FROM raw`;
}

/**
 * The import's one pass over a file, in two stages. Per line it only parses the amounts
 * and groups by the raw text of the other columns it uses (period, currency, service,
 * tags): an export repeats those far more often than it varies them (every resource of a
 * service, every hour of a day), so the hash aggregate shrinks a million lines to a few
 * thousand groups. Timestamps, currency codes and tag JSON are then parsed and checked
 * once per group instead of once per line (DuckDB spent most of the import there), with
 * the same expressions and messages as `typed()`, which the bad-row report still uses.
 * Returns day, currency, service, rule, value, problem, billed, effective, n: good rows
 * grouped with a null problem, and one row counting the refused ones.
 */
function grouped(file: FocusFile, columns: Set<string>, rules: readonly AllocationRule[]): string {
  const source = scanOf(file);
  const effective = columns.has("EffectiveCost") ? "TRY_CAST(EffectiveCost AS DECIMAL(18,8))" : "NULL";
  const tags = columns.has("Tags") ? "CAST(Tags AS VARCHAR)" : "NULL::VARCHAR";
  const paths = rules.length ? `[${rules.map((r) => quote(tagPath(r.key))).join(", ")}]` : "[]::VARCHAR[]";
  return `
    WITH lines AS (
      SELECT ChargePeriodStart AS start_raw, ChargePeriodEnd AS end_raw, BillingCurrency AS currency_raw,
        COALESCE(CAST(ServiceName AS VARCHAR), '') AS service, ${tags} AS tags_raw,
        TRY_CAST(BilledCost AS DECIMAL(18,8)) AS billed, ${effective} AS effective_raw
      FROM ${source}
    ), groups AS MATERIALIZED (
      SELECT start_raw, end_raw, currency_raw, service, tags_raw,
        SUM(billed) AS billed,
        SUM(COALESCE(effective_raw, billed)) FILTER (WHERE billed IS NOT NULL) AS effective,
        COUNT(billed) AS good,
        COUNT(*) - COUNT(billed) AS bad_amount
      FROM lines GROUP BY ALL
    ), parsed AS (
      SELECT *,
        upper(trim(CAST(currency_raw AS VARCHAR))) AS currency,
        TRY_CAST(start_raw AS TIMESTAMP) AS period_start,
        TRY_CAST(end_raw AS TIMESTAMP) AS period_end,
        list_transform(json_extract_string(TRY_CAST(tags_raw AS JSON), ${paths}), x -> NULLIF(trim(x), '')) AS tag_values
      FROM groups
    ), judged AS (
      SELECT *,
        CASE
          WHEN currency IS NULL OR NOT regexp_full_match(currency, '[A-Z]{3}') THEN 'currency'
          WHEN period_start IS NULL OR period_end IS NULL OR period_end < period_start THEN 'period'
          ELSE NULL
        END AS problem,
        COALESCE(list_position(list_transform(tag_values, x -> x IS NOT NULL), true) - 1, -1) AS rule,
        COALESCE(list_filter(tag_values, x -> x IS NOT NULL)[1], '') AS value
      FROM parsed
    )
    SELECT CAST(period_start AS DATE) AS day, currency, service, rule, value, NULL::VARCHAR AS problem,
      SUM(billed) AS billed, SUM(effective) AS effective, SUM(good) AS n
    FROM judged WHERE problem IS NULL AND good > 0 GROUP BY ALL
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, 'refused', NULL, NULL,
      COALESCE(SUM(CASE WHEN problem IS NULL THEN bad_amount ELSE good + bad_amount END), 0)
    FROM judged`;
}

/**
 * Reads FOCUS files with DuckDB into daily aggregates by day (UTC day of
 * ChargePeriodStart), currency, service and allocation, kept in DuckDB for `batches()`.
 * DuckDB streams the files and sums in DECIMAL, so memory stays bounded by the aggregates,
 * not the export, and no amount is ever a float. Bad rows are counted and the first ones
 * returned with their row numbers. The caller closes the result.
 */
export async function openFocusFiles(
  files: readonly FocusFile[],
  rules: readonly AllocationRule[],
  options: FocusReaderOptions = {},
): Promise<FocusRead> {
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: options.memoryLimit ?? "256MB",
    threads: String(options.threads ?? 2),
    // Without it, memory DuckDB has freed stays resident until a later allocation reuses
    // it; the background thread hands it back to the system while the import runs.
    allocator_background_threads: "true",
  });
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    const rejected: RejectedRow[] = [];
    let rowsRejected = 0;
    // Per-file sums land here; the daily table merges files whose days overlap (split exports).
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
      // One pass over the file (see grouped()): good rows summed by day, currency, service
      // and allocation, and the count of bad rows under a non-null problem.
      await connection.run(`CREATE OR REPLACE TEMP TABLE pass AS ${grouped(file, columns, rules)}`);
      await connection.run(
        `INSERT INTO agg SELECT day, currency, service, rule, value, billed, effective, n FROM pass WHERE problem IS NULL`,
      );
      const counted = await connection.runAndReadAll(
        `SELECT COALESCE(SUM(n), 0) AS n FROM pass WHERE problem IS NOT NULL`,
      );
      const badCount = Number(counted.getRowObjects()[0]!.n);
      rowsRejected += badCount;
      if (badCount === 0) continue;
      const bad = await connection.runAndReadAll(`
        WITH t AS (${typed(file, columns, rules)})
        SELECT __row, problem FROM t WHERE problem IS NOT NULL ORDER BY __row LIMIT ${MAX_REPORTED_REJECTS}`);
      const badRows = bad.getRowObjects();
      for (const r of badRows) {
        if (rejected.length < MAX_REPORTED_REJECTS) {
          rejected.push({ file: file.name, row: Number(r.__row), message: String(r.problem) });
        }
      }
    }
    // The aggregates numbered in the order of CostDaily's primary key: a batch is a range
    // of ord, and PostgreSQL inserts its index entries side by side.
    await connection.run(`CREATE TEMP TABLE daily AS
      SELECT row_number() OVER (ORDER BY day, currency, service, rule, value) - 1 AS ord, *
      FROM (SELECT day, currency, service, rule, value, SUM(billed) AS billed, SUM(effective) AS effective,
              SUM(n) AS n
            FROM agg GROUP BY ALL)`);
    await connection.run("DROP TABLE agg");
    await connection.run("DROP TABLE IF EXISTS pass");
    const entityRules = rules.flatMap((r, i) => (r.target === "entity" ? [i] : []));
    const [summary] = (
      await connection.runAndReadAll(`
        SELECT COUNT(*) AS aggregates, CAST(COALESCE(SUM(n), 0) AS BIGINT) AS good,
          strftime(MIN(day), '%Y-%m-%d') AS first_day, strftime(MAX(day), '%Y-%m-%d') AS last_day,
          COALESCE(list(DISTINCT currency ORDER BY currency), []) AS currencies,
          COALESCE(list(DISTINCT lower(value) ORDER BY lower(value))
            FILTER (WHERE rule IN (${[-2, ...entityRules].join(", ")})), []) AS entity_names
        FROM daily`)
    ).getRowObjectsJS() as Array<{
      aggregates: bigint;
      good: bigint;
      first_day: string | null;
      last_day: string | null;
      currencies: string[];
      entity_names: string[];
    }>;
    return {
      rowsRead: Number(summary!.good) + rowsRejected,
      rowsRejected,
      rejected,
      aggregates: Number(summary!.aggregates),
      firstDay: summary!.first_day,
      lastDay: summary!.last_day,
      currencies: summary!.currencies,
      entityNames: summary!.entity_names,
      batches: (entities, size) => dailyBatches(connection, rules, entities, size),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** What the files hold (the connection test), without keeping their aggregates. */
export async function readFocusFiles(
  files: readonly FocusFile[],
  rules: readonly AllocationRule[],
  options: FocusReaderOptions = {},
): Promise<FocusSummary> {
  const { batches: _batches, close, ...summary } = await openFocusFiles(files, rules, options);
  close();
  return summary;
}
