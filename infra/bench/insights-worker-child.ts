// The insights worker in its own process, as it runs in production (web and worker are
// separate processes): the benchmark's route and worker then each have a core.
import { Redis } from "ioredis";
import { createDatabase } from "@stagedoor/db";
import { startInsightsWorker } from "../../apps/worker/src/insights-worker";

const [url, redisUrl, prefix, concurrency] = process.argv.slice(2) as [string, string, string, string];
const db = createDatabase({ url, poolSize: Number(concurrency) + 1 });
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
const worker = await startInsightsWorker({
  db,
  connection,
  prefix,
  concurrency: Number(concurrency),
  schedules: { "insights.rollup": false, "insights.retention": false },
});
process.stdout.write("ready\n");
process.on("SIGTERM", () => {
  void (async () => {
    await worker.close();
    connection.disconnect();
    await db.disconnect();
    process.exit(0);
  })();
});
