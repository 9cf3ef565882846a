import { createDatabase } from "@stagedoor/db";
import { createBenchDatabase } from "./bench-db";
const bench = await createBenchDatabase();
const db = createDatabase({ url: bench.url, poolSize: 2 });
const org = await db.admin.organization.create({ data: { slug: "bench", name: "bench" } });
console.log(JSON.stringify({ url: bench.url, orgId: org.id }));
await db.disconnect();
await bench.admin.end();
process.exit(0);
