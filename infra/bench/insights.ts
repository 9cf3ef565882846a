// `npm run bench -- insights [--events N] [--others N] [--orgs N] [--batch N] [--samples K] [--json] [--keep-db]`
//
// Portal usage analytics at volume, through the product's own path: the events route's
// handler (validation, membership, enqueue) → the BullMQ insights queue in Redis → the
// insights worker (batched INSERTs into the partitioned events table), then the rollup job
// and the Insights page's report. Defaults: 1,000,000 events for one org and 100,000 for
// each of 10 others, spread over 90 days (the route's clock is replayed; browsers only
// send each event's age). The session lookup (Auth.js) is the one part stubbed out.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { createInsightsEventsHandler } from "@stagedoor/api/rest";
import {
  createBullInsightsQueue,
  importCatalog,
  insightsReport,
  rollupDirtyDays,
  type UserPrincipal,
} from "@stagedoor/core";
import { createDatabase, type Database } from "@stagedoor/db";
import { createBenchDatabase } from "./bench-db";
import { percentiles } from "./http-load";

type Options = {
  events: number;
  others: number;
  orgs: number;
  batch: number;
  samples: number;
  json: boolean;
  keepDb: boolean;
};

function options(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isFinite(n) || n < 1) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return {
    events: value("events", 1_000_000),
    others: value("others", 100_000),
    orgs: value("orgs", 10),
    batch: Math.min(200, value("batch", 100)),
    samples: value("samples", 100),
    json: args.includes("--json"),
    keepDb: args.includes("--keep-db"),
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DAY_MS = 86_400_000;
const WORKER_CONCURRENCY = 4;

/** The worker in its own process (insights-worker-child.ts); resolves once it listens. */
async function startWorkerProcess(url: string, redisUrl: string, prefix: string) {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      path.join(root, "infra/bench/insights-worker-child.ts"),
      url,
      redisUrl,
      prefix,
      String(WORKER_CONCURRENCY),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the worker exited (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => line === "ready" && resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
const DAYS = 90;
const IN_FLIGHT = 16;
const PLUGINS = ["catalog", "costs", "workloads", "home", "members", "insights"];

type BenchOrg = { id: string; slug: string; users: { userId: string; email: string; name: null }[]; events: number };

async function makeOrg(db: Database, name: string, users: number, events: number): Promise<BenchOrg> {
  const slug = `bench-${name}-${randomBytes(3).toString("hex")}`;
  const org = await db.admin.organization.create({ data: { slug, name } });
  const created = [];
  for (let i = 0; i < users; i++) {
    const user = await db.admin.user.create({ data: { email: `u${i}-${slug}@bench.test`, name: `User ${i}` } });
    created.push({ userId: user.id, email: user.email, name: null });
  }
  await db.admin.membership.createMany({
    data: created.map((u, i) => ({ orgId: org.id, userId: u.userId, role: i === 0 ? "OWNER" : "MEMBER" })),
  });
  return { id: org.id, slug, users: created, events };
}

/** A catalog for the big org: components (most never viewed), users and teams for adoption. */
async function seedCatalog(db: Database, org: BenchOrg, components: number) {
  const docs: string[] = [];
  const teams = 20;
  for (let t = 0; t < teams; t++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${t}\nspec:\n  type: team\n  children: []`,
    );
  }
  org.users.forEach((u, i) =>
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: u${i}\nspec:\n  profile:\n    email: ${u.email}\n  memberOf: [team-${i % teams}]`,
    ),
  );
  for (let c = 0; c < components; c++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-${c}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-${c % teams}`,
    );
  }
  await importCatalog(db.forOrg(org.id), null, {
    source: { type: "PUSH", key: "bench" },
    files: [{ name: "catalog-info.yaml", content: docs.join("\n---\n") }],
  });
}

/** A batch as a browser would send it: mostly page views (some of entities), searches, a milestone now and then. */
function batchOf(size: number, seq: number): unknown[] {
  const events: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const n = seq * size + i;
    const ageMs = (i * 997) % 30_000;
    if (n % 10 === 0) {
      events.push({
        type: "search",
        ageMs,
        query: `query ${n % 500}`,
        resultCount: n % 7 === 0 ? 0 : 5,
        clicked: n % 3 ? null : `component:default/svc-${n % 2000}`,
      });
    } else if (n % 4 === 0) {
      events.push({
        type: "page_view",
        ageMs,
        plugin: "catalog",
        page: "/catalog/component",
        entity: {
          ref: `component:default/svc-${(n * 7) % 300}`,
          kind: "component",
          owner: `group:default/team-${n % 20}`,
        },
      });
    } else if (n % 1000 === 1) {
      events.push({ type: "milestone", ageMs, milestone: "onboarding.step" });
    } else {
      const plugin = PLUGINS[n % PLUGINS.length]!;
      events.push({ type: "page_view", ageMs, plugin, page: `/${plugin}` });
    }
  }
  return events;
}

export async function runInsightsBench(args: string[]): Promise<void> {
  const opts = options(args);
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  const total = opts.events + opts.orgs * opts.others;
  say(
    `insights bench: ${opts.events.toLocaleString()} events for one org + ${opts.others.toLocaleString()} for each of ${opts.orgs} others (${total.toLocaleString()} in all), batches of ${opts.batch}, over ${DAYS} days`,
  );
  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 8 });
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `stagedoor-bench-${process.pid}-${randomBytes(3).toString("hex")}`;
  const queue = createBullInsightsQueue({ connection, redis: connection, prefix, maxBacklog: 1_000_000 });
  const worker = await startWorkerProcess(bench.url, redisUrl, prefix);
  const results: Record<string, unknown> = { events: total };
  try {
    const big = await makeOrg(db, "big", 400, opts.events);
    const others = [];
    for (let i = 0; i < opts.orgs; i++) others.push(await makeOrg(db, `o${i}`, 40, opts.others));
    await seedCatalog(db, big, 2000);

    // Batches interleaved across orgs; each is "received" on one of the 90 days.
    const plan: { org: BenchOrg; seq: number }[] = [];
    for (const org of [big, ...others]) {
      for (let seq = 0; seq < Math.ceil(org.events / opts.batch); seq++) plan.push({ org, seq });
    }
    plan.sort((a, b) => ((a.seq * 7919 + a.org.id.length) % 1000) - ((b.seq * 7919 + b.org.id.length) % 1000));
    const start = Date.now() - DAYS * DAY_MS;
    const routeMs: number[] = [];
    let next = 0;
    let dropped = 0;
    const started = performance.now();
    const send = async () => {
      for (;;) {
        const i = next++;
        if (i >= plan.length) return;
        const { org, seq } = plan[i]!;
        const user = org.users[(seq * 31) % org.users.length]!;
        const day = (seq * 13 + i) % DAYS;
        const receivedAt = start + day * DAY_MS + ((seq * 7_777) % (DAY_MS - 60_000)) + 60_000;
        const handler = createInsightsEventsHandler({
          db: () => db,
          sessionUser: async () => user,
          queue: () => queue,
          now: () => receivedAt,
        });
        const count = Math.min(opts.batch, org.events - seq * opts.batch);
        const t = performance.now();
        const res = await handler(
          new Request("http://localhost/api/insights/events", {
            method: "POST",
            headers: { "content-type": "text/plain", "sec-fetch-site": "same-origin" },
            body: JSON.stringify({ org: org.slug, events: batchOf(count, seq) }),
          }),
        );
        routeMs.push(performance.now() - t);
        const body = (await res.json()) as { status?: string; error?: string };
        if (res.status !== 202) throw new Error(`route answered ${res.status}: ${body.error}`);
        if (body.status === "dropped") dropped++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, send));
    const routed = performance.now() - started;
    for (;;) {
      const c = await queue.queue.getJobCounts("waiting", "active", "delayed", "prioritized");
      if (Object.values(c).every((n) => n === 0)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const ingestMs = performance.now() - started;
    const failed = await queue.queue.getJobCounts("failed");
    const [{ n: stored } = { n: 0 }] = (
      await bench.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "InsightsEvent"`)
    ).rows;
    const route = percentiles(routeMs);
    results.ingest = {
      eventsPerSecond: Math.round(total / (ingestMs / 1000)),
      seconds: ingestMs / 1000,
      routeSeconds: routed / 1000,
      stored,
      droppedBatches: dropped,
      failedJobs: failed.failed ?? 0,
      route,
    };
    say(
      `ingest: ${stored.toLocaleString()} events stored in ${(ingestMs / 1000).toFixed(1)} s = ${Math.round(total / (ingestMs / 1000)).toLocaleString()} events/s route → queue → worker (target ≥ 20,000/s); ${dropped} batches dropped, ${failed.failed ?? 0} jobs failed`,
    );
    say(
      `route: ${routeMs.length.toLocaleString()} batches in ${(routed / 1000).toFixed(1)} s, p50 ${route.p50.toFixed(2)} ms  p95 ${route.p95.toFixed(2)} ms  p99 ${route.p99.toFixed(2)} ms (${IN_FLIGHT} in flight; the worker in its own process, ${WORKER_CONCURRENCY} jobs at once)`,
    );

    const rolled = performance.now();
    const rollup = await rollupDirtyDays(db);
    const rollupMs = performance.now() - rolled;
    results.rollup = { ...rollup, seconds: rollupMs / 1000 };
    say(`rollup: ${rollup.days} org-days of ${rollup.orgs} orgs in ${(rollupMs / 1000).toFixed(1)} s`);

    // What autovacuum does on its own after this many inserts; a freshly loaded table has no
    // statistics and the planner would guess (badly) without them.
    const analyzed = performance.now();
    await bench.admin.query(`VACUUM ANALYZE`);
    say(`vacuum analyze: ${((performance.now() - analyzed) / 1000).toFixed(1)} s`);

    // The page's report for the big org, as a licensed owner, over 30 and 90 days.
    await db.admin.orgBilling.create({ data: { orgId: big.id, status: "active", pluginSeats: { insights: 5 } } });
    const owner = big.users[0]!;
    await db.admin.pluginLicense.create({ data: { orgId: big.id, pluginKey: "insights", userId: owner.userId } });
    const actor: UserPrincipal = { type: "user", userId: owner.userId, email: owner.email, role: "OWNER" };
    const tenant = db.forOrg(big.id);
    const today = new Date().toISOString().slice(0, 10);
    const ranges = [30, 90].map((d) => ({
      from: new Date(Date.now() - (d - 1) * DAY_MS).toISOString().slice(0, 10),
      to: today,
    }));
    for (const r of ranges) await insightsReport(tenant, actor, r);
    const samples: number[] = [];
    let report;
    for (let i = 0; i < opts.samples; i++) {
      const t = performance.now();
      report = await insightsReport(tenant, actor, ranges[i % 2]!);
      samples.push(performance.now() - t);
    }
    const page = percentiles(samples);
    results.report = page;
    say(
      `report (the Insights page's queries, 30 and 90 days): p50 ${page.p50.toFixed(1)} ms  p95 ${page.p95.toFixed(1)} ms  p99 ${page.p99.toFixed(1)} ms (target p95 < 100 ms)`,
    );
    say(
      `  last report: ${report!.totals.activeUsers.current} active members, ${report!.totals.pageViews.current.toLocaleString()} page views, ${report!.neverViewed.total} never-viewed entities, ${report!.teams.length} teams`,
    );
    // The route on its own, one request at a time (a browser's flush: 20 events), with the
    // worker idle: what a page's beacon costs the web process.
    const single: number[] = [];
    const handler = createInsightsEventsHandler({ db: () => db, sessionUser: async () => owner, queue: () => queue });
    for (let i = 0; i < 200; i++) {
      const body = JSON.stringify({ org: big.slug, events: batchOf(20, i) });
      const t = performance.now();
      const res = await handler(
        new Request("http://localhost/api/insights/events", {
          method: "POST",
          headers: { "content-type": "text/plain", "sec-fetch-site": "same-origin" },
          body,
        }),
      );
      single.push(performance.now() - t);
      if (res.status !== 202) throw new Error(`route answered ${res.status}`);
    }
    const alone = percentiles(single);
    results.routeAlone = alone;
    say(
      `route alone (one request at a time, 20 events): p50 ${alone.p50.toFixed(2)} ms  p95 ${alone.p95.toFixed(2)} ms`,
    );
    const [{ size } = { size: "?" }] = (
      await bench.admin.query<{ size: string }>(
        `SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS size FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"InsightsEvent"'::regclass`,
      )
    ).rows;
    say(
      `storage: raw events ${size} (with index), rollups ${(await db.admin.insightsDailyRollup.count()).toLocaleString()} rows`,
    );
    if (opts.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await worker.close();
    await queue.close();
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
    connection.disconnect();
    await db.disconnect();
    if (opts.keepDb) say(`kept the database: ${bench.url}`);
    else await bench.drop();
  }
}
