import { defineConfig } from "prisma/config";

// `prisma generate` (run on install) needs no database, so the URL may be absent then;
// `migrate deploy` fails with Prisma's own clear message when it is. Migrations run as the
// schema owner, MIGRATION_DATABASE_URL when set; DATABASE_URL is then the runtime role,
// which owns nothing (README, "Deploying").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://unset@127.0.0.1:5432/unset",
  },
});
