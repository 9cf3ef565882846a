// `npm run bench -- catalog [--entities N] [--json] [--seconds S] [--samples K] [--keep-db]
//                           [--connections C] [--target-url URL --token T]`
//
// Ingests a generated Backstage-like org through the real pipeline (packages/core
// importCatalog) into a fresh PostgreSQL database with another org's data beside it, then
// measures the Backstage-compatible REST API over HTTP with an org API token.
// With --target-url (a catalog base URL, e.g. a Backstage backend's
// http://127.0.0.1:7007/api/catalog) and --token, only the query phase runs, against it.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createDatabase, Prisma } from "@stagedoor/db";
import { createApiToken, importCatalog, type UserPrincipal } from "@stagedoor/core";
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
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (json: boolean, line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

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
    const import_ = (orgId: string, files: Array<{ name: string; content: string }>) =>
      importCatalog(db.forOrg(orgId), null, { source: { type: "PUSH", key: "bench" }, files });

    // Another tenant's catalog in the same tables, so indexes and plans see more than one org.
    const other = generateOrg(Math.max(1000, Math.round(opts.entities / 4)), 2);
    const n0 = performance.now();
    await import_(neighbour!.id, other.files);
    say(`neighbour org: ${other.entities} entities in ${((performance.now() - n0) / 1000).toFixed(1)} s`);

    const generated = generateOrg(opts.entities, 1);
    const t0 = performance.now();
    const report = await import_(org!.id, generated.files);
    const ingestSeconds = (performance.now() - t0) / 1000;
    const [counts] = await db.forOrg(org!.id).sql((q) =>
      q<{ entities: number; relations: number }>(Prisma.sql`
        SELECT (SELECT count(*)::int FROM "CatalogEntity") AS entities,
               (SELECT count(*)::int FROM "CatalogRelation") AS relations`),
    );
    if (counts!.entities !== generated.entities || report.counts.created !== generated.entities) {
      throw new Error(
        `expected ${generated.entities} entities, found ${counts!.entities}: ${JSON.stringify(report.counts)}`,
      );
    }
    Object.assign(results, {
      ingestSeconds,
      entitiesPerSecond: generated.entities / ingestSeconds,
      relations: counts!.relations,
      relationsPerEntity: counts!.relations / generated.entities,
      ingestPeakRssMb: process.resourceUsage().maxRSS / 1024,
    });
    say(
      `ingest: ${generated.entities} entities, ${counts!.relations} relation rows queryable after ${ingestSeconds.toFixed(2)} s ` +
        `(${Math.round(generated.entities / ingestSeconds)} entities/s); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    const again = performance.now();
    const second = await import_(org!.id, generated.files);
    results.reimportUnchangedSeconds = (performance.now() - again) / 1000;
    say(
      `re-import, nothing changed: ${(results.reimportUnchangedSeconds as number).toFixed(2)} s (${second.counts.unchanged} unchanged)`,
    );

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
