// One org's ingestion in its own process, so its peak RSS is the ingestion's own: it loads
// the ingestion pipeline only (not the rest of @stagedoor/core) and reads the generated
// files as they are produced. With `reimport`, the same files again (nothing changes).
// Prints one JSON line.
import { createDatabase } from "@stagedoor/db";
import { importCatalog } from "../../packages/core/src/catalog/import-catalog";
import { generateOrg } from "./catalog-org";

const [url, orgId, entities, seed, reimport] = process.argv.slice(2) as [string, string, string, string, string?];
const db = createDatabase({ url, poolSize: 2 });
const org = generateOrg(Number(entities), Number(seed));
const run = async () => {
  const started = performance.now();
  const report = await importCatalog(db.forOrg(orgId), null, {
    source: { type: "PUSH", key: "bench" },
    files: org.files,
  });
  return { seconds: (performance.now() - started) / 1000, counts: report.counts };
};
const first = await run();
const firstPeakRssMb = process.resourceUsage().maxRSS / 1024;
const again = reimport === "reimport" ? await run() : null;
process.stdout.write(
  `${JSON.stringify({ entities: org.entities, first, firstPeakRssMb, again, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
await db.disconnect();
process.exit(0);
