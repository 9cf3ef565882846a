import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Creates an empty database named stagedoor_test_<random> on the server of
 * TEST_PG_ADMIN_URL (default: the local PostgreSQL as `postgres`) and applies the
 * migrations with `prisma migrate deploy`. Returns its URL.
 */
export async function createTestDatabase(
  adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
): Promise<string> {
  const name = `stagedoor_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString(), MIGRATION_DATABASE_URL: undefined },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return url.toString();
}
