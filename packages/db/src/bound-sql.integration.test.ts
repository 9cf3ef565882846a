import { describe, it, expect } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { makeMember, makeOrg, makeUser, testDatabase } from "./testing";
import { boundSql, boundSqlPool, TransactionEndedError, type SqlQuery } from "./bound-sql";

const db = testDatabase();

describe("bound SQL (the hot-read path)", () => {
  it("runs as stagedoor_app with the org set, so RLS scopes every statement", async () => {
    const [a, b] = await Promise.all([makeOrg(db), makeOrg(db)]);
    const user = await makeUser(db);
    await makeMember(db, a.id, user.id);
    await makeMember(db, b.id, user.id);
    const rows = await db.forOrg(a.id).sql(async (q) => ({
      who: await q<{ role: string; org: string }>(
        Prisma.sql`SELECT current_user AS role, current_setting('app.org_id') AS org`,
      ),
      members: await q<{ orgId: string }>(Prisma.sql`SELECT "orgId" FROM "Membership" WHERE "userId" = ${user.id}`),
    }));
    expect(rows.who).toEqual([{ role: "stagedoor_app", org: a.id }]);
    expect(rows.members).toEqual([{ orgId: a.id }]);
    // The binding is LOCAL: the pooled connection carries nothing to the next user.
    const after = await db.admin.sql((q) =>
      q<{ org: string }>(Prisma.sql`SELECT current_setting('app.org_id', true) AS org`),
    );
    expect(after).toEqual([{ org: "" }]);
  });

  it("rolls back on error and leaves the connection usable", async () => {
    const org = await makeOrg(db);
    const tdb = db.forOrg(org.id);
    await expect(
      tdb.sql(async (q) => {
        await q(Prisma.sql`INSERT INTO "AuditLog" (id, "orgId", action) VALUES (${`x-${org.id}`}, ${org.id}, 'test')`);
        await q(Prisma.sql`SELECT 1/0`);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await tdb.auditLog.count({ where: { action: "test" } })).toBe(0);
    for (let i = 0; i < 12; i++) {
      expect(await tdb.sql((q) => q<{ n: number }>(Prisma.sql`SELECT ${i}::int AS n`))).toEqual([{ n: i }]);
    }
  });

  it("runs single statements in one round trip with the same binding and error handling", async () => {
    const org = await makeOrg(db);
    const tdb = db.forOrg(org.id);
    expect(await tdb.sql.one(Prisma.sql`SELECT current_user AS role, current_setting('app.org_id') AS org`)).toEqual([
      { role: "stagedoor_app", org: org.id },
    ]);
    await expect(tdb.sql.one(Prisma.sql`SELECT 1/0`)).rejects.toThrow(/division by zero/);
    for (let i = 0; i < 12; i++) {
      expect(await tdb.sql.one(Prisma.sql`SELECT ${i}::int AS n`)).toEqual([{ n: i }]);
    }
  });

  it("reads TIMESTAMP columns as the UTC instants Prisma wrote", async () => {
    const org = await makeOrg(db);
    const [row] = await db
      .forOrg(org.id)
      .sql((q) => q<{ createdAt: Date }>(Prisma.sql`SELECT "createdAt" FROM "Organization" WHERE id = ${org.id}`));
    expect(row!.createdAt.toISOString()).toBe(org.createdAt.toISOString());
  });
  it("refuses a query function used after its transaction committed or rolled back", async () => {
    const [a, b] = await Promise.all([makeOrg(db), makeOrg(db)]);
    let kept: SqlQuery | undefined;
    await db.forOrg(a.id).sql(async (q) => {
      kept = q;
      await q(Prisma.sql`SELECT 1`);
    });
    const late = Prisma.sql`SELECT current_user AS role, current_setting('app.org_id', true) AS org`;
    // The connection may now serve another org's transaction: the late call must not run there.
    const other = db.forOrg(b.id).sql(async (q) => q(Prisma.sql`SELECT 1`));
    await expect(kept!(late)).rejects.toThrow(TransactionEndedError);
    await other;

    let keptAfterError: SqlQuery | undefined;
    await expect(
      db.forOrg(a.id).sql(async (q) => {
        keptAfterError = q;
        await q(Prisma.sql`SELECT 1/0`);
      }),
    ).rejects.toThrow(/division by zero/);
    await expect(keptAfterError!(late)).rejects.toThrow(TransactionEndedError);

    // A function that never queried is refused as well (it would bind a fresh transaction
    // nobody commits).
    let unused: SqlQuery | undefined;
    await db.forOrg(a.id).sql(async (q) => {
      unused = q;
    });
    await expect(unused!(late)).rejects.toThrow(TransactionEndedError);
  });

  it("runs a single statement in one implicit transaction: the binding ends with it", async () => {
    const [a, b] = await Promise.all([makeOrg(db), makeOrg(db)]);
    const user = await makeUser(db);
    await makeMember(db, a.id, user.id);
    // One connection, so every statement below runs where the previous one did.
    const pool = boundSqlPool(process.env.DATABASE_URL!, 1);
    try {
      const forA = boundSql(pool, "stagedoor_app", a.id);
      const who = Prisma.sql`SELECT current_user AS role, current_setting('app.org_id', true) AS org,
        (SELECT count(*)::int FROM "Membership" WHERE "userId" = ${user.id}) AS members`;
      expect(await forA.one(who)).toEqual([{ role: "stagedoor_app", org: a.id, members: 1 }]);
      // The same connection, unbound afterwards: neither role nor org carried over.
      const client = await pool.connect();
      try {
        const { rows } = await client.query(
          "SELECT current_user = session_user AS reset, current_setting('app.org_id', true) AS org",
        );
        expect(rows).toEqual([{ reset: true, org: "" }]);
      } finally {
        client.release();
      }
      // Another org's binding on that connection sees only its own rows.
      expect(await boundSql(pool, "stagedoor_app", b.id).one(who)).toEqual([
        { role: "stagedoor_app", org: b.id, members: 0 },
      ]);
      // A failing statement rolls its implicit transaction back and leaves the connection bound to nothing.
      await expect(forA.one(Prisma.sql`SELECT 1/0`)).rejects.toThrow(/division by zero/);
      expect(await forA.one(who)).toEqual([{ role: "stagedoor_app", org: a.id, members: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it("answers nothing for a wrong or absent org setting", async () => {
    const org = await makeOrg(db);
    const user = await makeUser(db);
    await makeMember(db, org.id, user.id);
    const pool = boundSqlPool(process.env.DATABASE_URL!, 2);
    try {
      const members = Prisma.sql`SELECT "orgId" FROM "Membership" WHERE "userId" = ${user.id}`;
      expect(await boundSql(pool, "stagedoor_app", org.id).one(members)).toEqual([{ orgId: org.id }]);
      expect(await boundSql(pool, "stagedoor_app", "no-such-org").one(members)).toEqual([]);
      expect(await boundSql(pool, "stagedoor_app", null).one(members)).toEqual([]);
      const entities = Prisma.sql`SELECT count(*)::int AS n FROM catalog_entities`;
      expect(await boundSql(pool, "stagedoor_app", null).one(entities)).toEqual([{ n: 0 }]);
    } finally {
      await pool.end();
    }
  });
});
