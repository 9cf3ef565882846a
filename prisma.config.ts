import { defineConfig } from "prisma/config";

// `prisma generate` (run on install) needs no database, so the URL may be absent then;
// `migrate deploy` fails with Prisma's own clear message when it is.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://unset@127.0.0.1:5432/unset",
  },
});
