import { readFileSync } from "node:fs";
import { describe, it, expect, beforeAll } from "vitest";
import { makeMember, makeOrg, makeUser, testDatabase } from "./testing";

const db = testDatabase();

describe("tenant-bound client under Row-Level Security", () => {
  let orgA: { id: string };
  let orgB: { id: string };
  let userA: { id: string };
  let userB: { id: string };

  beforeAll(async () => {
    orgA = await makeOrg(db);
    orgB = await makeOrg(db);
    userA = await makeUser(db);
    userB = await makeUser(db);
    await makeMember(db, orgA.id, userA.id, "OWNER");
    await makeMember(db, orgB.id, userB.id, "OWNER");
    await db.admin.auditLog.create({ data: { orgId: orgB.id, action: "org.created" } });
  });

  it("reads only its own org's rows even when the query names the other org", async () => {
    const a = db.forOrg(orgA.id);
    expect(await a.membership.findMany({ where: { orgId: orgB.id } })).toEqual([]);
    expect(await a.organization.findUnique({ where: { id: orgB.id } })).toBeNull();
    expect(await a.auditLog.count({ where: { orgId: orgB.id } })).toBe(0);
    const own = await a.membership.findMany();
    expect(own.map((m) => m.orgId)).toEqual([orgA.id]);
  });

  it("sees only users who are members of its org", async () => {
    const a = db.forOrg(orgA.id);
    expect(await a.user.findUnique({ where: { id: userB.id } })).toBeNull();
    expect((await a.user.findUnique({ where: { id: userA.id } }))?.id).toBe(userA.id);
  });

  it("cannot insert a row into another org", async () => {
    const a = db.forOrg(orgA.id);
    await expect(a.auditLog.create({ data: { orgId: orgB.id, action: "forged" } })).rejects.toThrow(
      /row-level security/i,
    );
    expect(await db.admin.auditLog.count({ where: { orgId: orgB.id, action: "forged" } })).toBe(0);
  });

  it("cannot update or delete another org's rows", async () => {
    const a = db.forOrg(orgA.id);
    const updated = await a.membership.updateMany({ where: { orgId: orgB.id }, data: { role: "MEMBER" } });
    expect(updated.count).toBe(0);
    const deleted = await a.auditLog.deleteMany({ where: { orgId: orgB.id } });
    expect(deleted.count).toBe(0);
    // RLS hides the row, so Prisma finds nothing to update.
    await expect(a.organization.update({ where: { id: orgB.id }, data: { name: "pwned" } })).rejects.toMatchObject({
      code: "P2025",
    });
    const b = await db.admin.organization.findUniqueOrThrow({ where: { id: orgB.id } });
    expect(b.name).not.toBe("pwned");
    const roles = await db.admin.membership.findMany({ where: { orgId: orgB.id } });
    expect(roles.map((m) => m.role)).toEqual(["OWNER"]);
  });

  it("raw SQL through the bound client is scoped too", async () => {
    const a = db.forOrg(orgA.id);
    const rows = await a.$queryRaw<{ orgId: string }[]>`SELECT "orgId" FROM "Membership"`;
    expect(rows.map((r) => r.orgId)).toEqual([orgA.id]);
    const who = await a.$queryRaw<{ role: string; bypass: boolean }[]>`
      SELECT current_user AS role, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`;
    expect(who).toEqual([{ role: "stagedoor_app", bypass: false }]);
  });

  it("interactive transactions stay bound to the org", async () => {
    const a = db.forOrg(orgA.id);
    const seen = await a.transaction(async (tx) => {
      await tx.auditLog.create({ data: { orgId: orgA.id, action: "tx.test" } });
      return tx.auditLog.findMany({ select: { orgId: true } });
    });
    expect(new Set(seen.map((r) => r.orgId))).toEqual(new Set([orgA.id]));
  });

  it("a query with no org set returns nothing", async () => {
    const rows = await db.admin.transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'stagedoor_app', true), set_config('app.org_id', '', true)`;
      return tx.membership.findMany();
    });
    expect(rows).toEqual([]);
  });

  it("the org setting does not leak to the next query on a pooled connection", async () => {
    await db.forOrg(orgA.id).membership.findMany();
    const leaked = await db.admin.$queryRaw<{ org: string | null }[]>`
      SELECT NULLIF(current_setting('app.org_id', true), '') AS org`;
    expect(leaked).toEqual([{ org: null }]);
  });

  it("the admin client sees across orgs (and is the only one that does)", async () => {
    const count = await db.admin.membership.count({ where: { orgId: { in: [orgA.id, orgB.id] } } });
    expect(count).toBe(2);
  });
});

const KNOWN_TENANT_TABLES = [
  "ApiToken",
  "AuditLog",
  "CatalogConflict",
  "CatalogEntity",
  "CatalogFacetCount",
  "CatalogRelation",
  "CatalogSource",
  "CatalogSourceError",
  "Integration",
  "Invitation",
  "Membership",
  "SyncRun",
  "WebhookDelivery",
  "WorkflowRun",
];

/** Every model with an orgId field in the one schema: a new tenant table is expected here by itself. */
function tenantTablesInSchema(): string[] {
  const schema = readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)]
    .filter((m) => /^\s+orgId\s/m.test(m[2] as string))
    .map((m) => /@@map\("([^"]+)"\)/.exec(m[2] as string)?.[1] ?? (m[1] as string))
    .sort();
}

describe("every tenant-owned table", () => {
  it("has Row-Level Security enabled and forced, with the tenant and admin policies", async () => {
    const tables = await db.admin.$queryRaw<{ table: string; enabled: boolean; forced: boolean; policies: string[] }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             COALESCE(array_agg(p.polname::text ORDER BY p.polname) FILTER (WHERE p.polname IS NOT NULL), '{}') AS policies
      FROM information_schema.columns col
      -- Plain and partitioned tables; a partition is reached only through its parent (below).
      JOIN pg_class c ON c.relname = col.table_name AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
      LEFT JOIN pg_policy p ON p.polrelid = c.oid
      WHERE col.table_schema = 'public' AND col.column_name = 'orgId'
      GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity
      ORDER BY c.relname`;
    const expected = tenantTablesInSchema();
    // The parse found the tables known today (a table that goes away is removed here by hand).
    expect(expected).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));
    expect(tables.map((t) => t.table).sort()).toEqual(expected);
    for (const t of tables) {
      expect({ table: t.table, enabled: t.enabled, forced: t.forced }).toEqual({
        table: t.table,
        enabled: true,
        forced: true,
      });
      expect(t.policies, t.table).toEqual(expect.arrayContaining(["admin_access", "tenant_isolation"]));
    }
  });

  it("keeps the partitions of a partitioned tenant table out of the app's reach (the parent's policies are the way in)", async () => {
    // Policies of a partitioned table apply to queries through it, not to its partitions.
    await db.admin.$executeRaw`SELECT insights_ensure_month(CURRENT_DATE)`;
    const partitions = await db.admin.$queryRaw<{ partition: string; app: boolean; admin: boolean }[]>`
      SELECT c.relname AS partition,
             has_table_privilege('stagedoor_app', c.oid, 'SELECT,INSERT,UPDATE,DELETE') AS app,
             has_table_privilege('stagedoor_admin', c.oid, 'SELECT,INSERT,UPDATE,DELETE') AS admin
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relispartition`;
    expect(partitions.length).toBeGreaterThan(0);
    for (const p of partitions) expect(p).toEqual({ partition: p.partition, app: false, admin: false });
  });
});
