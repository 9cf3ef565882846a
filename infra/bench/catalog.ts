// `npm run bench -- catalog [--entities N] [--json] [--seconds S] [--samples K] [--keep-db] [--ingest-only]
//                           [--connections C] [--target-url URL --token T]`
//
// Ingests a generated Backstage-like org through the real pipeline (packages/core
// importCatalog) into a fresh PostgreSQL database with another org's data beside it, then
// measures the Backstage-compatible REST API over HTTP with an org API token. The files
// are generated as the ingestion reads them, so the peak RSS printed is the ingestion's
// (try `--entities 1000000 --ingest-only`).
// With --target-url (a catalog base URL, e.g. a Backstage backend's
// http://127.0.0.1:7007/api/catalog) and --token, only the query phase runs, against it.
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createDatabase, Prisma } from "@stagedoor/db";
import { createApiToken, type IngestionCounts, type UserPrincipal } from "@stagedoor/core";
import { createBenchDatabase } from "./bench-db";
import { generateOrg, WORDS } from "./catalog-org";
import { runQueryPhase } from "./catalog-queries";

type Options = {
  entities: number;
  json: boolean;
  seconds: number;
  samples: number;
  keepDb: boolean;
  connections: number;
  targetUrl: string | null;
  token: string | null;
  ingestOnly: boolean;
};

function options(args: string[]): Options {
  const text = (name: string) => {
    const i = args.indexOf(`--${name}`);
    if (i === -1) return null;
    const v = args[i + 1];
    if (!v || v.startsWith("--")) throw new Error(`--${name} needs a value`);
    return v;
  };
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return {
    entities: value("entities", 10_000),
    json: args.includes("--json"),
    seconds: value("seconds", 10),
    samples: value("samples", 300),
    keepDb: args.includes("--keep-db"),
    connections: value("connections", 16),
    targetUrl: text("target-url"),
    token: text("token"),
    ingestOnly: args.includes("--ingest-only"),
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (json: boolean, line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
// The ingesting process runs with a small heap, as a worker doing bulk imports should: V8
// then collects garbage as it goes instead of growing the process by hundreds of MB.
const INGEST_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=4"];

/** CPU seconds are the ingesting process's (all its threads); statements are round trips to PostgreSQL. */
type ChildRun = { seconds: number; cpuSeconds: number; statements: number; counts: IngestionCounts };
type ChildResult = {
  entities: number;
  first: ChildRun;
  firstPeakRssMb: number;
  again: ChildRun | null;
  peakRssMb: number;
};

/** One org's ingestion in its own process (catalog-ingest-child.ts), so its peak RSS is its own. */
function ingestInChild(url: string, orgId: string, entities: number, seed: number, reimport: boolean): ChildResult {
  const child = spawnSync(
    process.execPath,
    [
      ...INGEST_NODE_FLAGS,
      ...process.execArgv,
      path.join(root, "infra/bench/catalog-ingest-child.ts"),
      url,
      orgId,
      String(entities),
      String(seed),
      reimport ? "reimport" : "once",
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`ingestion failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ChildResult;
}

export async function runCatalogBench(args: string[]) {
  const opts = options(args);
  const say = (line: string) => log(opts.json, line);
  if (opts.targetUrl) return queryTarget(opts, say);
  say(
    `catalog bench: ${opts.entities} entities (PostgreSQL at 127.0.0.1, fresh database; ` +
      `load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")} on ${os.availableParallelism()} cores)`,
  );
  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 4 });
  const results: Record<string, unknown> = { entities: opts.entities };
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const owner = await db.admin.user.create({ data: { email: "bench@example.test", name: "Bench" } });
    const actor: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
    const [org, neighbour] = await Promise.all(
      ["bench", "neighbour"].map((slug) => db.admin.organization.create({ data: { slug, name: slug } })),
    );
    // The read token below acts for its creator, so the creator must be a member.
    await db.admin.membership.create({ data: { orgId: org!.id, userId: owner.id, role: "OWNER" } });
    const loadAverage = () =>
      os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(", ");

    // Another tenant's catalog in the same tables, so indexes and plans see more than one org.
    const other = ingestInChild(bench.url, neighbour!.id, Math.max(1000, Math.round(opts.entities / 4)), 2, false);
    say(`neighbour org: ${other.entities} entities in ${other.first.seconds.toFixed(1)} s`);

    const generated = generateOrg(opts.entities, 1);
    const loadBefore = loadAverage();
    const ingest = ingestInChild(bench.url, org!.id, opts.entities, 1, true);
    const ingestSeconds = ingest.first.seconds;
    const [counts] = await db.forOrg(org!.id).sql((q) =>
      q<{ entities: number; relations: number }>(Prisma.sql`
        SELECT (SELECT count(*)::int FROM "CatalogEntity") AS entities,
               (SELECT count(*)::int FROM "CatalogRelation") AS relations`),
    );
    if (counts!.entities !== generated.entities || ingest.first.counts.created !== generated.entities) {
      throw new Error(
        `expected ${generated.entities} entities, found ${counts!.entities}: ${JSON.stringify(ingest.first.counts)}`,
      );
    }
    Object.assign(results, {
      ingestSeconds,
      entitiesPerSecond: generated.entities / ingestSeconds,
      relations: counts!.relations,
      relationsPerEntity: counts!.relations / generated.entities,
      ingestPeakRssMb: ingest.firstPeakRssMb,
      ingestCpuSeconds: ingest.first.cpuSeconds,
      statementsPer1000Entities: (ingest.first.statements * 1000) / generated.entities,
      loadAverage: loadBefore,
    });
    say(
      `ingest: ${generated.entities} entities, ${counts!.relations} relation rows queryable after ${ingestSeconds.toFixed(2)} s ` +
        `(${Math.round(generated.entities / ingestSeconds)} entities/s); peak RSS ${Math.round(ingest.firstPeakRssMb)} MB ` +
        `(ingesting process; load average ${loadBefore} before, ${loadAverage()} after); ` +
        `${ingest.first.cpuSeconds.toFixed(1)} CPU s in that process, ` +
        `${((ingest.first.statements * 1000) / generated.entities).toFixed(1)} statements per 1,000 entities`,
    );
    results.reimportUnchangedSeconds = ingest.again!.seconds;
    results.reimportPeakRssMb = ingest.peakRssMb;
    say(
      `re-import, nothing changed: ${ingest.again!.seconds.toFixed(2)} s (${ingest.again!.counts.unchanged} unchanged); ` +
        `peak RSS ${Math.round(ingest.peakRssMb)} MB`,
    );
    if (opts.ingestOnly) {
      if (opts.json) console.log(JSON.stringify(results, null, 2));
      return;
    }

    // What autovacuum does shortly after a bulk load; done now so reads see settled statistics.
    const v0 = performance.now();
    await bench.admin.query('VACUUM ANALYZE "CatalogEntity", "CatalogRelation"');
    say(`vacuum analyze (autovacuum's job, not counted above): ${((performance.now() - v0) / 1000).toFixed(1)} s`);

    const { token } = await createApiToken(db.forOrg(org!.id), actor, { name: "bench", scopes: ["catalog:read"] });
    server = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "infra/bench/catalog-server.ts")], {
      env: { ...process.env, DATABASE_URL: bench.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<number>((resolve, reject) => {
      createInterface({ input: server!.stdout! }).on("line", (line) => {
        if (line.startsWith("PORT ")) resolve(Number(line.slice(5)));
      });
      server!.on("exit", (code) => reject(new Error(`bench server exited (${code})`)));
    });

    Object.assign(
      results,
      await runQueryPhase({
        baseUrl: `http://127.0.0.1:${port}/api/catalog`,
        token,
        componentNames: generated.components,
        words: WORDS,
        samples: opts.samples,
        seconds: opts.seconds,
        connections: opts.connections,
        say,
      }),
    );
    const rss = (await (await fetch(`http://127.0.0.1:${port}/__rss`)).json()) as { maxRssKb: number };
    results.serverPeakRssMb = rss.maxRssKb / 1024;
    results.benchPeakRssMb = process.resourceUsage().maxRSS / 1024;
    say(
      `peak RSS: ingest/bench process ${Math.round(results.benchPeakRssMb as number)} MB, API server ${Math.round(results.serverPeakRssMb as number)} MB`,
    );
    if (opts.json) console.log(JSON.stringify(results, null, 2));
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await db.disconnect();
    if (opts.keepDb) say(`kept database: ${bench.url}`);
    else await bench.drop();
  }
}

/** The query phase alone, against any Backstage-compatible catalog. */
async function queryTarget(opts: Options, say: (line: string) => void) {
  if (!opts.token) throw new Error("--target-url needs --token (sent as Authorization: Bearer <token>)");
  say(
    `catalog bench, query phase only: ${opts.targetUrl} (load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")})`,
  );
  const results = await runQueryPhase({
    baseUrl: opts.targetUrl!,
    token: opts.token,
    words: WORDS,
    samples: opts.samples,
    seconds: opts.seconds,
    connections: opts.connections,
    say,
  });
  if (opts.json) console.log(JSON.stringify({ targetUrl: opts.targetUrl, ...results }, null, 2));
}
