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
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "ioredis", "bullmq"],
  poweredByHeader: false,
};

export default config;
