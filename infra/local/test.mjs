// `npm test`: everything, on a fresh clone. Lint → typecheck → unit + integration tests
// (real PostgreSQL and Redis on 127.0.0.1, in this run's own database and queue prefix)
// → one production build → Playwright in Debian's Chromium against it.
import * as childProcess from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { bin, ensureInstalled, ensureNode24, fail, log, portOpen, prisma, root, run, waitForPort } from "./lib.mjs";

ensureInstalled();
ensureNode24();

const runId = `${Date.now()}_${randomBytes(2).toString("hex")}`;
const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const summary = [];
const startedAt = Date.now();

// --- Services ------------------------------------------------------------------
async function ensureService(port, name, startCmd) {
  if (await portOpen(port)) return;
  log(`${name} is not running on 127.0.0.1:${port}; starting it…`);
  run("sh", ["-c", startCmd], { allowFailure: true });
  await waitForPort(port, name, 30_000);
}
await ensureService(5432, "PostgreSQL", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
await ensureService(
  6379,
  "Redis",
  'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
);

log("Generating the Prisma client…");
prisma(["generate"]);

// --- Static checks ---------------------------------------------------------------
log("Lint (eslint + prettier)…");
run("npm", ["run", "lint"]);
log("Typecheck…");
run(bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"]);

// --- Unit + integration ------------------------------------------------------------
log("Creating this run's database…");
const createDatabase = () =>
  run_capture(bin("tsx"), [
    "-e",
    `import("./packages/db/src/testing/test-database.ts").then(async m => console.log(await m.createTestDatabase(${JSON.stringify(PG_ADMIN_URL)})))`,
  ]);
const DATABASE_URL = createDatabase();
let e2eDatabaseUrl = null;
const testEnv = {
  DATABASE_URL,
  REDIS_URL,
  QUEUE_PREFIX: `stagedoor-test-${runId}`,
  SECRETS_KEYS: `k1:${randomBytes(32).toString("base64")}`,
  // Tests talk to local fake servers (GitHub, ...) on 127.0.0.1.
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: "true",
  NO_COLOR: "1",
};
Object.assign(process.env, testEnv);

log("Vitest (unit + integration)…");
rmSync(path.join(root, "test-results"), { recursive: true, force: true });
const vitestStatus = run(
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
  { allowFailure: true },
);
summary.push(vitestCounts());

// --- Browser tests --------------------------------------------------------------------
let e2eStatus = 0;
if (vitestStatus === 0 || process.env.E2E_ALWAYS === "1") {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    log("Installing Debian's Chromium for Playwright (apt-get, about a minute)…");
    run("sh", [
      "-c",
      "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null",
    ]);
  }
  log("Creating the browser tests' database…");
  e2eDatabaseUrl = createDatabase();
  Object.assign(process.env, {
    // Its own database and queues: integrations and jobs the integration tests left
    // behind must not reach the worker the browser tests run.
    DATABASE_URL: e2eDatabaseUrl,
    QUEUE_PREFIX: `stagedoor-e2e-${runId}`,
    APP_ENV: "test",
    AUTH_DEV_SIGN_IN: "true",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  log("Building the web app…");
  run("npm", ["run", "build", "--workspace", "@stagedoor/web"]);
  log("Playwright…");
  e2eStatus = run(bin("playwright"), ["test"], { allowFailure: true });
  summary.push(playwrightCounts());
}

// --- Summary ---------------------------------------------------------------------
const passed = summary.reduce((n, s) => n + s.passed, 0);
const failed = summary.reduce((n, s) => n + s.failed, 0);
console.log("\nSummary:");
for (const s of summary) console.log(`  ${s.name}: ${s.passed} passed, ${s.failed} failed`);
if (vitestStatus === 0 && e2eStatus === 0) {
  await dropDatabase(DATABASE_URL);
  if (e2eDatabaseUrl) await dropDatabase(e2eDatabaseUrl);
} else {
  console.log(`  (test databases kept for inspection: ${[DATABASE_URL, e2eDatabaseUrl].filter(Boolean).join(", ")})`);
}
console.log(`  (took ${Math.round((Date.now() - startedAt) / 1000)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitestStatus || e2eStatus || (failed > 0 ? 1 : 0));

// --- helpers ---------------------------------------------------------------------------
/** Runs a command and returns the last line it printed (the new database's URL). */
function run_capture(cmd, args) {
  const res = childProcess.spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: process.env });
  const url = (res.stdout ?? "").trim().split("\n").pop();
  if (res.status !== 0 || !url?.startsWith("postgres"))
    fail(`could not create the test database:\n${res.stdout}${res.stderr}`);
  return url;
}

function vitestCounts() {
  try {
    const r = JSON.parse(readFileSync(path.join(root, "test-results/vitest.json"), "utf8"));
    return {
      name: "vitest",
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.success ? 0 : r.numFailedTestSuites),
    };
  } catch {
    return { name: "vitest", passed: 0, failed: 1 };
  }
}

function playwrightCounts() {
  try {
    const r = JSON.parse(readFileSync(path.join(root, "test-results/playwright.json"), "utf8"));
    return { name: "playwright", passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky };
  } catch {
    return { name: "playwright", passed: 0, failed: 1 };
  }
}

async function dropDatabase(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  } catch (e) {
    console.log(`  (could not drop the test database: ${e.message})`);
  } finally {
    await client.end().catch(() => {});
  }
}
