import { describe, it, expect, afterAll } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase } from "./database";
import { provisionRuntimeRole, runtimeRoleProblems } from "./runtime-role";
import { makeOrg, testDatabase } from "./testing";

// The test database's URL logs in as the server's superuser: it plays the migration role.
const ownerUrl = process.env.DATABASE_URL!;
const withUser = (url: string, user: string, password?: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = password ?? "";
  return u.toString();
};
const names: string[] = [];
const roleName = () => {
  const name = `sd_runtime_${randomBytes(3).toString("hex")}`;
  names.push(name);
  return name;
};

async function asOwner(sql: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of names) {
    await asOwner(`DROP TABLE IF EXISTS "${name}_owned"`);
    await asOwner(`DROP ROLE IF EXISTS "${name}"`);
  }
});

describe("the runtime database role", () => {
  it("names what is wrong with a superuser", async () => {
    // It owns the schema too, as the migration role does.
    expect(await runtimeRoleProblems(ownerUrl)).toEqual([
      expect.stringMatching(/is a superuser/),
      expect.stringMatching(/has BYPASSRLS/),
      expect.stringMatching(/owns \d+ tables/),
    ]);
  });

  it("names a table owner that inherits the app roles' privileges", async () => {
    const name = roleName();
    await asOwner(`CREATE ROLE "${name}" LOGIN INHERIT`);
    await asOwner(`GRANT stagedoor_app, stagedoor_admin TO "${name}"`);
    await asOwner(`CREATE TABLE "${name}_owned" (id int)`);
    await asOwner(`ALTER TABLE "${name}_owned" OWNER TO "${name}"`);
    const problems = await runtimeRoleProblems(withUser(ownerUrl, name));
    expect(problems).toEqual([expect.stringMatching(/owns 1 tables/), expect.stringMatching(/make it NOINHERIT/)]);
  });

  it("is provisioned so that it works only through the bound clients", async () => {
    const name = roleName();
    const url = withUser(ownerUrl, name, "s3cret pass");
    expect(await provisionRuntimeRole(ownerUrl, url)).toBe(name);
    expect(await provisionRuntimeRole(ownerUrl, url)).toBe(name); // idempotent
    expect(await runtimeRoleProblems(url)).toEqual([]);

    const org = await makeOrg(testDatabase());
    const db = createDatabase({ url, poolSize: 2 });
    try {
      expect(await db.forOrg(org.id).organization.count()).toBe(1);
      expect(await db.admin.organization.count({ where: { id: org.id } })).toBe(1);
      // A query that escaped the binding runs as the runtime role itself: refused.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await expect(client.query(`SELECT count(*) FROM "Organization"`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
    } finally {
      await db.disconnect();
    }
  });

  it("refuses to make the migration role its own runtime role", async () => {
    await expect(provisionRuntimeRole(ownerUrl, ownerUrl)).rejects.toThrow(/runtime role must differ/);
  });
});
