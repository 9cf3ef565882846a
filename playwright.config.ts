import { defineConfig } from "@playwright/test";

// Browser tests run Debian's Chromium (Playwright's own browser download is not
// available everywhere) against the built app, which infra/local/test.mjs builds and
// configures (DATABASE_URL, REDIS_URL, AUTH_SECRET, ...) before calling Playwright.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
export const FAKE_GITHUB_PORT = Number(process.env.E2E_FAKE_GITHUB_PORT ?? 4010);
const FAKE_STRIPE_PORT = Number(process.env.E2E_FAKE_STRIPE_PORT ?? 4020);
const STRIPE_WEBHOOK_SECRET = "whsec_e2e";
export const FAKE_KUBERNETES_PORT = Number(process.env.E2E_FAKE_KUBERNETES_PORT ?? 4030);

export default defineConfig({
  testDir: "apps/web/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Whole journeys (entity pages with axe at two widths, the home) take 40-60 s on a busy
  // 2-core machine: the budget is per test, not a speed target.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // A GitHub-shaped API (REST + GraphQL) for the onboarding and sync specs.
      name: "fake-github",
      command: `node_modules/.bin/tsx packages/connectors/src/testing/serve-fake-github.ts --port ${FAKE_GITHUB_PORT} --scenario onboarding --token github_pat_e2e --write-token github_pat_e2e_write`,
      port: FAKE_GITHUB_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Stripe-shaped server: the Checkout page stand-in posts signed webhooks to the app.
      name: "fake-stripe",
      command: `node_modules/.bin/tsx packages/connectors/src/testing/serve-fake-stripe.ts --port ${FAKE_STRIPE_PORT} --webhook-url ${BASE_URL}/api/stripe/webhook --webhook-secret ${STRIPE_WEBHOOK_SECRET}`,
      port: FAKE_STRIPE_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A Kubernetes-shaped API server with one app in CrashLoopBackOff, for the cluster spec.
      name: "fake-kubernetes",
      command: `node_modules/.bin/tsx packages/connectors/src/testing/serve-fake-kubernetes.ts --port ${FAKE_KUBERNETES_PORT} --token k8s-e2e`,
      port: FAKE_KUBERNETES_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: "worker",
      command: "node_modules/.bin/tsx apps/worker/src/main.ts",
      wait: { stdout: /\[worker\] started/ },
      // Insights specs read the rollup a few seconds after the browsers' events.
      env: { INSIGHTS_ROLLUP_EVERY_SECONDS: "2" },
      gracefulShutdown: { signal: "SIGTERM", timeout: 5000 },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `../../node_modules/.bin/next start --port ${PORT}`,
      cwd: "apps/web",
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        AUTH_URL: BASE_URL,
        AUTH_TRUST_HOST: "true",
        STRIPE_SECRET_KEY: "sk_test_e2e",
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: `http://127.0.0.1:${FAKE_STRIPE_PORT}`,
        STRIPE_PRICES:
          "team=price_team,enterprise=price_enterprise,cost-insights=price_cost_insights,scorecards=price_scorecards," +
          "insights=price_insights,knowledge-assistant=price_knowledge_assistant,feature-flags=price_feature_flags",
      },
    },
  ],
});
