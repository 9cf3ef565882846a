// `npm run bench -- github [--repositories N] [--latency MS] [--catalog-ratio R] [--json]`
//
// A GitHub org on the fake GitHub server (REST + GraphQL in real response shapes) with
// added latency per request, synced by the real worker (BullMQ on the local Redis, a fresh
// PostgreSQL database): wall time until every entity is queryable, until the whole sync
// (CI status included) is done, and the GitHub requests it took, in total and per repository.
// The machine's load average is printed with each result: these numbers mean little without it.
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { Redis } from "ioredis";
import { generateOrg, startFakeGitHub, type FakeRequestLogEntry } from "@stagedoor/connectors/testing";
import {
  createSecretBox,
  parseKeyring,
  readCheckpoint,
  requestSync,
  saveGitHubIntegration,
  type UserPrincipal,
} from "@stagedoor/core";
import { createDatabase, type TenantDb } from "@stagedoor/db";
import { startSyncWorker } from "../../apps/worker/src/sync-worker";
import { createBenchDatabase } from "./bench-db";

type Options = { repositories: number; latency: number; catalogRatio: number; json: boolean };

function options(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number`);
    return n;
  };
  return {
    repositories: value("repositories", 2000),
    latency: value("latency", 50),
    catalogRatio: value("catalog-ratio", 0.3),
    json: args.includes("--json"),
  };
}

const TOKEN = "github_pat_bench";

/** Requests by what they were for, from the fake's log. */
function classify(log: FakeRequestLogEntry[]) {
  const count = (test: (e: FakeRequestLogEntry) => boolean) => log.filter(test).length;
  const discovery = count((e) => e.operation === "StagedoorDiscoverRepositories");
  const locations = count((e) => e.operation === "StagedoorFetchFiles");
  const teams = count(
    (e) => !!e.operation?.startsWith("StagedoorOrganization") || !!e.operation?.startsWith("StagedoorTeam"),
  );
  const ciRuns = count((e) => e.path.includes("/actions/runs"));
  const notModified = count((e) => e.notModified);
  return {
    total: log.length,
    discovery,
    locations,
    teams,
    ciRuns,
    other: log.length - discovery - locations - teams - ciRuns,
    notModified,
  };
}

async function waitForRun(tdb: TenantDb, id: string, t0: number) {
  let catalogSynced: number | null = null;
  for (;;) {
    const run = await tdb.syncRun.findUniqueOrThrow({ where: { id } });
    const phase = readCheckpoint(run.checkpoint).phase;
    // After cleanup every entity of the sync is written and queryable; CI runs come next.
    if (catalogSynced === null && (phase === "workflow-runs" || phase === "done"))
      catalogSynced = performance.now() - t0;
    if (run.status === "succeeded" || run.status === "failed") {
      return {
        run,
        catalogSeconds: (catalogSynced ?? performance.now() - t0) / 1000,
        totalSeconds: (performance.now() - t0) / 1000,
      };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function runGithubBench(args: string[]) {
  const opts = options(args);
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  const fake = await startFakeGitHub({ org: "acme", latencyMs: opts.latency, tokens: { [TOKEN]: { login: "bench" } } });
  const spec = generateOrg({
    org: "acme",
    repositories: opts.repositories,
    catalogRatio: opts.catalogRatio,
    webBaseUrl: fake.url,
    workflowRunsPerRepository: 3,
  });
  for (const user of spec.users) fake.state.ensureUser(user);
  for (const team of spec.teams) fake.addTeam(team);
  for (const repository of spec.repositories) fake.createRepository(repository);
  const withCatalog = spec.repositories.filter((r) => r.files?.["catalog-info.yaml"]).length;
  const viaLocation = spec.repositories.filter((r) => r.files?.["catalog/component.yaml"]).length;
  say(
    `github bench: ${opts.repositories} repositories (${withCatalog} with catalog files, ${viaLocation} of them Locations ` +
      `pointing at another file), ${spec.teams.length} teams, ${spec.users.length} users; ${opts.latency} ms added per request`,
  );

  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 8 });
  const connection = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const prefix = `stagedoor-bench-${process.pid}-${randomBytes(3).toString("hex")}`;
  const secrets = createSecretBox(parseKeyring(`k1:${randomBytes(32).toString("base64")}`));
  const worker = await startSyncWorker({
    db,
    connection,
    prefix,
    concurrency: 4,
    secrets,
    allowPrivateNetworks: true,
    reconcile: false,
  });
  try {
    const user = await db.admin.user.create({ data: { email: "bench@example.test", name: "Bench" } });
    const org = await db.admin.organization.create({ data: { slug: "bench", name: "Bench" } });
    await db.admin.membership.create({ data: { orgId: org.id, userId: user.id, role: "OWNER" } });
    const actor: UserPrincipal = { type: "user", userId: user.id, email: user.email, role: "OWNER" };
    const tdb = db.forOrg(org.id);
    const { id } = await saveGitHubIntegration(tdb, actor, worker.deps, {
      name: "GitHub",
      baseUrl: fake.url,
      owner: "acme",
      auth: { type: "token", token: TOKEN },
    });

    const results: Record<string, unknown> = { ...opts, withCatalog, viaLocation };
    const load = () => loadavg().map((n) => n.toFixed(2));
    for (const label of ["first sync", "second sync (nothing changed)"]) {
      fake.clearRequests();
      const loadBefore = load();
      const t0 = performance.now();
      const { syncRunId } = await requestSync(tdb, actor, worker.deps, { id });
      const { run, catalogSeconds, totalSeconds } = await waitForRun(tdb, syncRunId, t0);
      if (run.status !== "succeeded") throw new Error(`sync ${run.status}: ${run.message}`);
      const requests = classify(fake.requests);
      const entities = await tdb.catalogEntity.groupBy({ by: ["kind"], _count: true, where: { orphanedAt: null } });
      const perRepo = (n: number) => (n / opts.repositories).toFixed(3);
      const loadAfter = load();
      say(`\n${label}:`);
      say(`  load average (1, 5, 15 min): ${loadBefore.join(", ")} before, ${loadAfter.join(", ")} after`);
      say(`  catalog synced (all entities queryable): ${catalogSeconds.toFixed(2)} s`);
      say(`  sync finished (CI status included): ${totalSeconds.toFixed(2)} s`);
      say(`  entities: ${entities.map((e) => `${e._count} ${e.kind}`).join(", ")}`);
      say(
        `  run: ${run.reposScanned} repositories, ${run.filesFound} files, created ${run.entitiesCreated}, ` +
          `updated ${run.entitiesUpdated}, unchanged ${run.entitiesUnchanged}, errors ${(run.errors as unknown[]).length}; ` +
          `apiRequests ${run.apiRequests}, rate limit left ${run.rateLimitRemaining}`,
      );
      say(
        `  requests: ${requests.total} in total (${perRepo(requests.total)}/repository); ` +
          `discovery ${requests.discovery} (${perRepo(requests.discovery)}/repository), Location targets ${requests.locations}, ` +
          `teams ${requests.teams}, CI run lists ${requests.ciRuns} (${perRepo(requests.ciRuns)}/repository)${requests.notModified ? ` (${requests.notModified} answered 304)` : ""}, other ${requests.other}`,
      );
      results[label.startsWith("first") ? "first" : "second"] = {
        catalogSeconds,
        totalSeconds,
        loadAverage: { before: loadBefore.map(Number), after: loadAfter.map(Number) },
        requests,
        discoveryPerRepository: requests.discovery / opts.repositories,
        requestsPerRepository: requests.total / opts.repositories,
        entities: Object.fromEntries(entities.map((e) => [e.kind, e._count])),
      };
    }
    if (opts.json) console.log(JSON.stringify(results, null, 2));
  } finally {
    await worker.close();
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
    connection.disconnect();
    await db.disconnect();
    await bench.drop();
    await fake.close();
  }
}
