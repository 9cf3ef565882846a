import { defineConfig } from "vitest/config";

// Two tiers (docs/architecture.md, "Tests"): `unit` is pure (no I/O), `integration` talks to
// the real PostgreSQL and Redis that infra/local/test.mjs prepares for the run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.ts"],
          // apps/web's "@/…" import alias (its tsconfig paths), for tests that render its components.
          alias: { "@/": new URL("./apps/web/src/", import.meta.url).pathname },
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/src/**/*.integration.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["./packages/db/src/testing/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
