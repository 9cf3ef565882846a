import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/generated/**",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "**/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // One env module per app: process.env is read there and in scripts only.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the app's env module." },
      ],
    },
  },
  {
    files: [
      "**/env.ts",
      "infra/**",
      "prisma/**",
      "*.config.ts",
      "*.config.mjs",
      "**/testing/**",
      "**/*.test.ts",
      "**/e2e/**",
      "apps/web/src/instrumentation.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Pages and route handlers reach data through tRPC callers and core services only.
    // server/db.ts builds the process's pool (the Auth.js Prisma adapter takes it from
    // there); integration tests build their own databases.
    files: ["apps/web/src/**/*.{ts,tsx}"],
    ignores: ["apps/web/src/server/db.ts", "apps/web/src/**/*.integration.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@stagedoor/db", "@stagedoor/db/*"],
              message: "apps/web does not use the database client directly: call a core service or a tRPC procedure.",
            },
          ],
        },
      ],
    },
  },
);
