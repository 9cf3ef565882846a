import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "@stagedoor/db";
import {
  assignLicenses,
  costInsights,
  makeComponents,
  makeCostIntegration,
  startPluginTrial,
  type UserPrincipal,
} from "@stagedoor/core";
import { createBenchDatabase } from "./bench-db";
import { writeFocusExport } from "./cost-data";
import { percentiles } from "./http-load";

type Options = { rows: number; days: number; samples: number; spread: boolean; json: boolean };

function options(args: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const n = i === -1 ? fallback : Number(args[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  return {
    rows: value("rows", 1_000_000),
    days: value("days", 90),
    samples: value("samples", 200),
    spread: args.includes("--spread"),
    json: args.includes("--json"),
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `npm run bench -- cost [--rows N] [--days D] [--samples S] [--spread] [--json]`: a FOCUS export as
 * CSV.gz and as Parquet, each imported end to end (read, validate, allocate, store daily
 * aggregates) in its own process (rows/s and that process's peak RSS), then the Cost
 * Insights service's latency over the org's 90 days.
 */
export async function runCostBench(args: string[]) {
  const opts = options(args);
  const say = (line: string) => (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `cost bench: ${opts.rows} FOCUS rows over ${opts.days} days${opts.spread ? ", every component every day (--spread)" : ""} ` +
      `(PostgreSQL at 127.0.0.1, fresh database; load average ${loadavg()[0]!.toFixed(2)})`,
  );
  const dir = await mkdtemp(path.join(tmpdir(), "stagedoor-cost-bench-"));
  const bench = await createBenchDatabase();
  const db = createDatabase({ url: bench.url, poolSize: 4 });
  const results: Record<string, unknown> = { rows: opts.rows, days: opts.days };
  try {
    const started = performance.now();
    const files = await writeFocusExport(dir, opts.rows, opts.days, opts.spread);
    say(`generated export in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const owner = await db.admin.user.create({ data: { email: "bench@example.test", name: "Bench" } });
    const org = await db.admin.organization.create({ data: { slug: "cost-bench", name: "Cost bench" } });
    await db.admin.membership.create({ data: { orgId: org.id, userId: owner.id, role: "OWNER" } });
    // Cost Insights' 90-day view is history the Free plan does not show: the bench org is on Team.
    await db.admin.orgBilling.create({ data: { orgId: org.id, plan: "team", status: "active", memberLimit: null } });
    await makeComponents(
      db,
      org.id,
      Array.from({ length: 600 }, (_, i) => ({
        name: `svc-${i}`,
        owner: `team-${i % 40}`,
        system: `system-${i % 25}`,
      })),
    );
    const integration = await makeCostIntegration(db, org.id);

    for (const [format, file] of [
      ["csv", files.csv],
      ["parquet", files.parquet],
    ] as const) {
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          path.join(root, "infra/bench/cost-import-child.ts"),
          bench.url,
          org.id,
          integration.id,
          file,
          format,
        ],
        { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      if (child.status !== 0) throw new Error(`${format} import failed`);
      const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
        ms: number;
        rows: number;
        aggregates: number;
        peakRssMb: number;
        baselineRssMb: number;
      };
      const rowsPerSecond = r.rows / (r.ms / 1000);
      results[format] = { ...r, rowsPerSecond };
      say(
        `${format.padEnd(8)} ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s = ${Math.round(rowsPerSecond).toLocaleString("en")} rows/s, ` +
          `${r.aggregates} daily aggregates, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.baselineRssMb.toFixed(0)} MB before the import) (targets: ≥ 250,000 rows/s, < 400 MB)`,
      );
    }

    const actor: UserPrincipal = { type: "user", userId: owner.id, email: owner.email, role: "OWNER" };
    const tenant = db.forOrg(org.id);
    // Cost Insights is a premium plugin: the owner reads it with a trial seat, as a customer would.
    await startPluginTrial(tenant, actor);
    await assignLicenses(tenant, actor, { pluginKey: "cost-insights", userIds: [owner.id] });
    const groupings = ["team", "system", "entity"] as const;
    for (let i = 0; i < 5; i++) await costInsights(tenant, actor, { days: 90, groupBy: groupings[i % 3]! });
    const samples: number[] = [];
    for (let i = 0; i < opts.samples; i++) {
      const t = performance.now();
      await costInsights(tenant, actor, { days: 90, groupBy: groupings[i % 3]! });
      samples.push(performance.now() - t);
    }
    const l = percentiles(samples);
    results.insights = l;
    say(
      `insights 90 days (service call, team/system/component): p50 ${l.p50.toFixed(1)} ms  p95 ${l.p95.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms (target p95 < 100 ms)`,
    );
    if (opts.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  } finally {
    await db.disconnect();
    await bench.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
