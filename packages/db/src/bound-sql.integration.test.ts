import { describe, it, expect } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { makeMember, makeOrg, makeUser, testDatabase } from "./testing";
import { TransactionEndedError, type SqlQuery } from "./bound-sql";

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
});
