// One org's ingestion in its own process, so its peak RSS is the ingestion's own: it loads
// the ingestion pipeline only (not the rest of @stagedoor/core) and reads the generated
// files as they are produced. With `reimport`, the same files again (nothing changes).
// Prints one JSON line.
import pg from "pg";
import { createDatabase } from "@stagedoor/db";
import { importCatalog } from "../../packages/core/src/catalog/import-catalog";
import { generateOrg } from "./catalog-org";

// Every statement the process sends, by counting the driver's calls: round trips per
// entity say more than seconds on a shared machine.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const [url, orgId, entities, seed, reimport] = process.argv.slice(2) as [string, string, string, string, string?];
const db = createDatabase({ url, poolSize: 2 });
const org = generateOrg(Number(entities), Number(seed));
const run = async () => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const before = statements;
  const report = await importCatalog(db.forOrg(orgId), null, {
    source: { type: "PUSH", key: "bench" },
    files: org.files,
  });
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    statements: statements - before,
    counts: report.counts,
  };
};
const first = await run();
const firstPeakRssMb = process.resourceUsage().maxRSS / 1024;
const again = reimport === "reimport" ? await run() : null;
process.stdout.write(
  `${JSON.stringify({ entities: org.entities, first, firstPeakRssMb, again, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
await db.disconnect();
process.exit(0);
