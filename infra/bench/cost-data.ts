import { DuckDBInstance } from "@duckdb/node-api";

/**
 * A FOCUS export of `rows` rows over `days` days, written by DuckDB (fast, and outside the
 * measured import): 600 components across 40 teams, 12 services, 8% untagged rows, 3%
 * tagged by team only, 2% in EUR; amounts in whole cents.
 *
 * By default a line's component, service and day all follow from its number modulo small
 * periods, so each day sees only 20 components and the export folds into under two
 * thousand daily aggregates. `spread` makes every component appear every day on two
 * services (about 98,000 aggregates for a million lines over 90 days): what storing and
 * the page's queries cost for an org whose bill really is that varied.
 */
export async function writeFocusExport(dir: string, rows: number, days: number, spread = false) {
  const csv = `${dir}/focus.csv.gz`;
  const parquet = `${dir}/focus.parquet`;
  const duck = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "512MB" });
  const c = await duck.connect();
  const services =
    "['EC2','S3','RDS','Lambda','CloudFront','EKS','DynamoDB','SQS','SNS','ElastiCache','Redshift','Support']";
  // spread: the component changes every `days` lines (so each day meets all of them), its
  // two services and its tag key follow from the component.
  const component = spread ? `((i // ${days}) % 600)` : "(i % 600)";
  const service = spread
    ? `${services}[1 + CAST((${component} * 5 + ((i // ${days * 600}) % 2) * 7) % 12 AS INTEGER)]`
    : `${services}[1 + CAST(i % 12 AS INTEGER)]`;
  const componentKey = spread ? `${component} % 2 = 0` : "i % 2 = 0";
  const select = `
    SELECT
      printf('%d.%02d', (i * 7919) % 5000 // 100, (i * 7919) % 100) AS BilledCost,
      printf('%d.%02d', (i * 7919) % 4500 // 100, (i * 7919) % 100) AS EffectiveCost,
      CASE WHEN i % 50 = 0 THEN 'EUR' ELSE 'USD' END AS BillingCurrency,
      strftime(DATE '2026-08-01' + CAST(i % ${days} AS INTEGER), '%Y-%m-%dT00:00:00Z') AS ChargePeriodStart,
      strftime(DATE '2026-08-01' + CAST(i % ${days} AS INTEGER), '%Y-%m-%dT23:59:59Z') AS ChargePeriodEnd,
      ${service} AS ServiceName,
      'arn:aws:ec2:eu-west-1:123456789012:instance/i-' || i AS ResourceId,
      CASE
        WHEN i % 100 < 8 THEN '{}'
        WHEN i % 100 < 11 THEN '{"team":"team-' || (${component} % 40) || '"}'
        WHEN ${componentKey} THEN '{"backstage.io/component":"svc-' || ${component} || '","env":"prod"}'
        ELSE '{"service":"svc-' || ${component} || '","env":"prod"}'
      END AS Tags
    FROM range(${rows}) t(i)`;
  await c.run(`COPY (${select}) TO '${csv}' (HEADER, COMPRESSION gzip)`);
  await c.run(`COPY (${select}) TO '${parquet}' (FORMAT parquet)`);
  c.closeSync();
  duck.closeSync();
  return { csv, parquet };
}
