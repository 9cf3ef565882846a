import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: [
    "@stagedoor/api",
    "@stagedoor/catalog",
    "@stagedoor/connectors",
    "@stagedoor/core",
    "@stagedoor/db",
  ],
  // Loaded from node_modules at run time, not bundled: DuckDB (cost exports) ships a native
  // binary per platform, and the others keep process-wide pools and connections.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "ioredis",
    "bullmq",
    "@duckdb/node-api",
    "@duckdb/node-bindings",
    "@kubernetes/client-node",
  ],
  poweredByHeader: false,
};

export default config;
