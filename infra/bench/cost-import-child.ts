// One import in its own process, so its peak RSS is the import's own (read, validate,
// allocate, store). Prints one JSON line.
import { createDatabase } from "@stagedoor/db";
import { DEFAULT_ALLOCATION_RULES, importCostFiles } from "@stagedoor/core";

const [url, orgId, integrationId, path, format] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  "csv" | "parquet",
];
const db = createDatabase({ url, poolSize: 2 });
// What the process holds before the import (Node, the TypeScript loader, Prisma, DuckDB's library).
const baselineRssMb = process.resourceUsage().maxRSS / 1024;
const started = performance.now();
const summary = await importCostFiles(
  db.forOrg(orgId),
  integrationId,
  [{ path, format, name: path }],
  DEFAULT_ALLOCATION_RULES,
);
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ ms, rows: summary.rowsRead, rejected: summary.rowsRejected, aggregates: summary.aggregates, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb })}\n`,
);
await db.disconnect();
process.exit(0);
