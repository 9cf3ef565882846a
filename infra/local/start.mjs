// `npm start`: a running portal with demo data on a fresh clone.
//   installs dependencies → embedded PostgreSQL (PGlite) unless DATABASE_URL is set →
//   Redis from REDIS_URL or a local redis-server → migrations → demo seed → build →
//   web on http://localhost:3000 and the worker.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  bin,
  ensureInstalled,
  ensureNode24,
  fail,
  log,
  onPath,
  portOpen,
  prisma,
  root,
  run,
  startChild,
  waitForPort,
} from "./lib.mjs";

ensureInstalled();
ensureNode24();

const dataDir = path.join(root, ".data");
mkdirSync(dataDir, { recursive: true });
const PORT = Number(process.env.PORT ?? 3000);
const env = {};

// --- PostgreSQL ---------------------------------------------------------------
const usingPglite = !process.env.DATABASE_URL;
if (!usingPglite) {
  log("Using DATABASE_URL");
} else {
  const pgPort = Number(process.env.PGLITE_PORT ?? 54329);
  if (await portOpen(pgPort)) fail(`Port ${pgPort} is in use. Stop what uses it, or set PGLITE_PORT or DATABASE_URL.`);
  log(`Starting embedded PostgreSQL (PGlite) on port ${pgPort}, data in .data/pglite (first start takes ~20 s)…`);
  startChild(
    "pglite",
    bin("pglite-server"),
    // pg_trgm: the catalog's typo-tolerant search (its migration creates the extension).
    [`--db=${path.join(dataDir, "pglite")}`, `--port=${pgPort}`, "--max-connections=10", "--extensions=pg_trgm"],
    { quiet: true },
  );
  await waitForPort(pgPort, "PGlite", 120_000);
  env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/postgres?sslmode=disable`;
  // PGlite runs one backend behind a multiplexer: keep the pools small.
  env.DATABASE_POOL_SIZE = "3";
}

// --- Redis --------------------------------------------------------------------
if (process.env.REDIS_URL) {
  log("Using REDIS_URL");
} else if (onPath("redis-server")) {
  const redisPort = Number(process.env.LOCAL_REDIS_PORT ?? 6380);
  if (!(await portOpen(redisPort))) {
    log(`Starting redis-server on port ${redisPort}, data in .data/redis…`);
    mkdirSync(path.join(dataDir, "redis"), { recursive: true });
    startChild(
      "redis",
      "redis-server",
      [
        "--port",
        String(redisPort),
        "--bind",
        "127.0.0.1",
        "--dir",
        path.join(dataDir, "redis"),
        "--appendonly",
        "yes",
        "--save",
        "",
      ],
      { quiet: true },
    );
    await waitForPort(redisPort, "redis-server");
  } else {
    log(`Using the Redis already listening on port ${redisPort}`);
  }
  env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
} else {
  fail(
    "Stagedoor needs Redis (queues and schedules) and found none.\n" +
      "  Either set REDIS_URL=redis://host:6379, or install Redis so `redis-server` is on PATH:\n" +
      "    Debian/Ubuntu: sudo apt-get install redis-server    macOS: brew install redis",
  );
}

// --- Auth ---------------------------------------------------------------------
const secretFile = path.join(dataDir, "auth-secret");
if (!process.env.AUTH_SECRET) {
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}
const keyFile = path.join(dataDir, "secrets-keys");
if (!process.env.SECRETS_KEYS) {
  if (!existsSync(keyFile)) writeFileSync(keyFile, `k1:${randomBytes(32).toString("base64")}`, { mode: 0o600 });
  env.SECRETS_KEYS = readFileSync(keyFile, "utf8").trim();
}
env.APP_ENV = process.env.APP_ENV ?? "demo";
env.AUTH_DEV_SIGN_IN = process.env.AUTH_DEV_SIGN_IN ?? "true";
env.AUTH_TRUST_HOST = "true";
env.AUTH_URL = process.env.AUTH_URL ?? `http://localhost:${PORT}`;
// Billing: without Stripe keys, a local Stripe-shaped server plays Stripe (Checkout page,
// portal, signed webhooks to this app), so the whole flow works without an account.
let localStripePort = null;
if (!process.env.STRIPE_SECRET_KEY) {
  localStripePort = Number(process.env.LOCAL_STRIPE_PORT ?? 12111);
  if (await portOpen(localStripePort))
    fail(`Port ${localStripePort} is in use. Stop what uses it or set LOCAL_STRIPE_PORT.`);
  env.STRIPE_SECRET_KEY = "sk_test_local";
  env.STRIPE_WEBHOOK_SECRET = "whsec_local_demo";
  env.STRIPE_API_BASE = `http://127.0.0.1:${localStripePort}`;
  env.STRIPE_PRICES =
    "team=price_team,enterprise=price_enterprise,cost-insights=price_cost_insights,scorecards=price_scorecards," +
    "insights=price_insights,knowledge-assistant=price_knowledge_assistant,feature-flags=price_feature_flags";
}
Object.assign(process.env, env);

// --- Schema, data, build --------------------------------------------------------
log("Generating the Prisma client…");
prisma(["generate"]);
log("Applying migrations…");
prisma(["migrate", "deploy"]);
// Two roles on a real PostgreSQL: migrations as the schema owner (MIGRATION_DATABASE_URL,
// which prisma.config.ts prefers), the app as a role that owns nothing. PGlite serves
// every connection as its one superuser, so there the split cannot exist; the app still
// runs each query as stagedoor_app or stagedoor_admin (SET LOCAL ROLE), which is what RLS
// needs.
if (process.env.MIGRATION_DATABASE_URL) {
  log("Creating or correcting the runtime role of DATABASE_URL…");
  run(bin("tsx"), ["infra/db/provision-runtime-role.ts"]);
} else if (!usingPglite) {
  log(
    "Note: DATABASE_URL both owns the schema and runs the app. For production, set MIGRATION_DATABASE_URL " +
      "to the owner and DATABASE_URL to a role of its own (README, Deploying).",
  );
}
log("Seeding the demo organization…");
run(bin("tsx"), ["prisma/seed.ts"]);
if (process.env.SKIP_BUILD !== "1") {
  log("Building the web app (about a minute)…");
  run("npm", ["run", "build", "--workspace", "@stagedoor/web"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
}

// --- Run ----------------------------------------------------------------------
if (await portOpen(PORT)) fail(`Port ${PORT} is in use. Stop what uses it or set PORT.`);
startChild("web", bin("next"), ["start", "--port", String(PORT)], { cwd: path.join(root, "apps/web") });
startChild("worker", bin("tsx"), ["src/main.ts"], { cwd: path.join(root, "apps/worker") });
if (localStripePort) {
  startChild("stripe", bin("tsx"), [
    "packages/connectors/src/testing/serve-fake-stripe.ts",
    "--port",
    String(localStripePort),
    "--webhook-url",
    `http://localhost:${PORT}/api/stripe/webhook`,
    "--webhook-secret",
    env.STRIPE_WEBHOOK_SECRET,
  ]);
}
await waitForPort(PORT, "the web app");

console.log(`
  \x1b[32mStagedoor is running:\x1b[0m http://localhost:${PORT}
  ${
    env.AUTH_DEV_SIGN_IN === "true"
      ? `Sign in with the development sign-in as \x1b[1mdemo@stagedoor.dev\x1b[0m (no password),
  then open the demo organization at http://localhost:${PORT}/demo`
      : "Sign in with a configured provider."
  }
  Health: http://localhost:${PORT}/api/health    Stop: Ctrl+C
`);
await new Promise(() => {});
