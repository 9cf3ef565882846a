import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh database on the local PostgreSQL, migrated like production (prisma migrate deploy). */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void>; admin: pg.Client }> {
  const name = `stagedoor_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const server = new pg.Client({ connectionString: ADMIN_URL });
  await server.connect();
  await server.query(`CREATE DATABASE "${name}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A second connection into the new database, as the server's superuser, for the
  // harness's own bookkeeping (VACUUM, sizes); the product never uses it.
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  return {
    url: url.toString(),
    admin,
    async drop() {
      await admin.end();
      await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await server.end();
    },
  };
}
