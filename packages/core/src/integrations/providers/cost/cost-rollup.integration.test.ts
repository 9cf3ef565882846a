import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "@stagedoor/db";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { DEFAULT_ALLOCATION_RULES } from "./allocation";
import { makeComponents, makeCostIntegration, tempFiles } from "./cost-testing";
import { focusCsv, type FocusRow } from "./focus-fixture";
import { importCostFiles } from "./import-costs";

const db = testDatabase();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

type Line = {
  integrationId: string;
  currency: string;
  dimension: string;
  span: string;
  day: string;
  key: string;
  cost: string;
};

/** The org's CostRollup rows, as the import left them. */
async function rollups(orgId: string): Promise<Line[]> {
  return db.admin.$queryRaw<Line[]>(Prisma.sql`
    SELECT "integrationId", currency, dimension, span, to_char(day, 'YYYY-MM-DD') AS day, key, "effectiveCost"::text AS cost
    FROM "CostRollup" WHERE "orgId" = ${orgId}
    ORDER BY 1, 2, 3, 4, 5, 6`);
}

/** The same sums counted again from CostDaily, one plain GROUP BY per dimension and span. */
async function recount(orgId: string): Promise<Line[]> {
  const by = (dimension: string, column: string, span: "day" | "week") => {
    const day = span === "day" ? Prisma.raw("day") : Prisma.raw("date_trunc('week', day::timestamp)::date");
    return Prisma.sql`
      SELECT "integrationId", currency, ${dimension} AS dimension, ${span} AS span, to_char(${day}, 'YYYY-MM-DD') AS day,
        ${Prisma.raw(column)} AS key, SUM("effectiveCost")::text AS cost
      FROM "CostDaily" WHERE "orgId" = ${orgId} GROUP BY 1, 2, 5, 6`;
  };
  const bucket = `CASE WHEN "allocatedBy" = '' THEN 'unallocated' ELSE 'allocated' END`;
  return db.admin.$queryRaw<Line[]>(Prisma.sql`
    SELECT * FROM (
      ${by("team", "team", "day")} UNION ALL ${by("system", "system", "day")}
      UNION ALL ${by("entity", '"entityRef"', "day")} UNION ALL ${by("bucket", bucket, "day")}
      UNION ALL ${by("team", "team", "week")} UNION ALL ${by("system", "system", "week")}
      UNION ALL ${by("entity", '"entityRef"', "week")}
    ) r ORDER BY 1, 2, 3, 4, 5, 6`);
}

const row = (
  day: string,
  cents: number,
  tags?: Record<string, string>,
  currency = "USD",
  service = "EC2",
): FocusRow => ({
  billedCents: cents,
  currency,
  day,
  service,
  tags,
});

async function importCsv(orgId: string, integrationId: string, rows: FocusRow[]) {
  const t = await tempFiles({ "export.csv": focusCsv(rows) });
  cleanups.push(t.cleanup);
  return importCostFiles(
    db.forOrg(orgId),
    integrationId,
    [{ path: t.path("export.csv"), format: "csv", name: "export.csv" }],
    DEFAULT_ALLOCATION_RULES,
  );
}

describe("Cost Insights rollups", () => {
  it("equal a recount from CostDaily after imports, a re-import of part of the period and a deleted export", async () => {
    const org = await makeOrg(db);
    await makeComponents(db, org.id, [
      { name: "checkout", owner: "payments", system: "shop" },
      { name: "search", owner: "discovery", system: "shop" },
    ]);
    const aws = await makeCostIntegration(db, org.id, "aws");
    const gcp = await makeCostIntegration(db, org.id, "gcp");
    await importCsv(org.id, aws.id, [
      row("2026-10-01", 1010, { "backstage.io/component": "checkout" }),
      row("2026-10-01", 233, { "backstage.io/component": "checkout" }, "USD", "S3"),
      row("2026-10-02", 12345, { service: "search" }),
      row("2026-10-02", 700, { service: "search" }, "EUR"),
      row("2026-10-03", 999, { team: "Platform" }),
      row("2026-10-03", 5001),
      row("2026-10-03", 42, { "backstage.io/component": "ghost" }),
    ]);
    await importCsv(org.id, gcp.id, [
      row("2026-10-02", 500, { "backstage.io/component": "checkout" }),
      row("2026-10-03", 77),
      row("2026-10-06", 66, { "backstage.io/component": "checkout" }),
    ]);
    const first = await rollups(org.id);
    expect(first).toEqual(await recount(org.id));
    // The week of Monday 09-28 sums 10-01..10-03 of the first export.
    expect(first).toContainEqual(
      expect.objectContaining({
        integrationId: aws.id,
        dimension: "system",
        span: "week",
        day: "2026-09-28",
        key: "system:default/shop",
        cost: "135.88000000",
      }),
    );
    expect(
      first.find(
        (r) => r.integrationId === aws.id && r.dimension === "team" && r.span === "day" && r.day === "2026-10-01",
      ),
    ).toEqual(expect.objectContaining({ key: "group:default/payments", cost: "12.43000000" }));

    // Re-importing 10-02..10-03 replaces those days (search's cost moves, the unallocated
    // row goes); 10-01 keeps what the first import put there.
    await importCsv(org.id, aws.id, [
      row("2026-10-02", 100, { service: "search" }),
      row("2026-10-03", 300, { service: "checkout" }),
    ]);
    const second = await rollups(org.id);
    expect(second).toEqual(await recount(org.id));
    expect(second).toContainEqual(
      expect.objectContaining({ integrationId: aws.id, day: "2026-10-01", dimension: "bucket", cost: "12.43000000" }),
    );
    expect(second.filter((r) => r.integrationId === aws.id && r.currency === "EUR")).toEqual([]);
    expect(
      second.filter((r) => r.integrationId === aws.id && r.dimension === "bucket" && r.key === "unallocated"),
    ).toEqual([]);

    // A deleted export takes its rollups with it.
    await db.admin.integration.delete({ where: { id: gcp.id } });
    const third = await rollups(org.id);
    expect(third).toEqual(await recount(org.id));
    expect(third.filter((r) => r.integrationId === gcp.id)).toEqual([]);
    expect(third.length).toBeGreaterThan(0);

    // A deleted org takes them too (through its integrations: CostDaily and CostRollup have
    // no org foreign key of their own).
    await db.admin.organization.delete({ where: { id: org.id } });
    expect(await db.admin.costRollup.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db.admin.costDaily.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("are invisible to another org", async () => {
    const a = await makeOrg(db);
    const b = await makeOrg(db);
    const integration = await makeCostIntegration(db, a.id);
    await importCsv(a.id, integration.id, [row("2026-10-01", 100, { team: "payments" })]);
    // One day row per team, system, component and bucket, one week row per team, system, component.
    expect(await db.forOrg(a.id).costRollup.count()).toBe(7);
    expect(await db.forOrg(b.id).costRollup.count()).toBe(0);
    // Writing another org's rows is refused by row-level security, not just filtered.
    await expect(
      db.forOrg(b.id).costRollup.create({
        data: {
          orgId: a.id,
          integrationId: integration.id,
          currency: "USD",
          dimension: "team",
          span: "day",
          day: new Date("2026-10-02T00:00:00Z"),
          key: "x",
          effectiveCost: "1",
        },
      }),
    ).rejects.toThrow();
  });
});
