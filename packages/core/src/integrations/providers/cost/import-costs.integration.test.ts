import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
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

async function files(content: Record<string, string | Uint8Array>) {
  const t = await tempFiles(content);
  cleanups.push(t.cleanup);
  return t;
}

async function setup() {
  const org = await makeOrg(db);
  await makeComponents(db, org.id, [
    { name: "checkout", owner: "payments", system: "shop" },
    { name: "search", owner: "discovery", system: "shop" },
  ]);
  const integration = await makeCostIntegration(db, org.id);
  return { org, integration, tenant: db.forOrg(org.id) };
}

async function totals(orgId: string, by: "entityRef" | "team" | "system" | "currency") {
  const rows = await db.forOrg(orgId).costDaily.groupBy({ by: [by, "currency"], _sum: { billedCost: true } });
  return Object.fromEntries(
    rows.map((r) => [`${r[by as keyof typeof r] as string}|${r.currency}`, r._sum.billedCost?.toFixed(2)]),
  );
}

const rows: FocusRow[] = [
  // Thirds of a cent add up exactly only in decimal: 3 × 0.10 = 0.30, not 0.30000000000000004.
  {
    billedCents: 10,
    currency: "USD",
    day: "2026-10-01",
    service: "EC2",
    tags: { "backstage.io/component": "checkout" },
  },
  {
    billedCents: 10,
    currency: "USD",
    day: "2026-10-01",
    service: "EC2",
    tags: { "backstage.io/component": "checkout" },
  },
  { billedCents: 10, currency: "USD", day: "2026-10-01", service: "EC2", tags: { service: "Checkout" } },
  { billedCents: 12345, currency: "USD", day: "2026-10-02", service: "S3", tags: { service: "search" } },
  { billedCents: 700, currency: "EUR", day: "2026-10-02", service: "S3", tags: { service: "search" } },
  { billedCents: 999, currency: "USD", day: "2026-10-02", service: "RDS", tags: { team: "Platform" } },
  { billedCents: 5001, currency: "USD", day: "2026-10-03", service: "Support" },
  {
    billedCents: 42,
    currency: "USD",
    day: "2026-10-03",
    service: "Lambda",
    tags: { "backstage.io/component": "ghost" },
  },
];
const malformed = [
  "abc,1.00,USD,2026-10-03T00:00:00Z,2026-10-03T23:59:59Z,EC2,,",
  "1.00,1.00,dollars,2026-10-03T00:00:00Z,2026-10-03T23:59:59Z,EC2,,",
  "1.00,1.00,USD,yesterday,2026-10-03T23:59:59Z,EC2,,",
  "1.00,1.00,USD,2026-10-03T00:00:00Z,2026-10-02T00:00:00Z,EC2,,",
];

describe("FOCUS cost import", () => {
  it("allocates by tag keys to the cent, keeps currencies apart, and reports bad rows by number", async () => {
    const { org, integration, tenant } = await setup();
    const t = await files({ "export.csv.gz": gzipSync(focusCsv(rows, malformed)) });
    const summary = await importCostFiles(
      tenant,
      integration.id,
      [{ path: t.path("export.csv.gz"), format: "csv", name: "export.csv.gz" }],
      DEFAULT_ALLOCATION_RULES,
    );

    expect(summary.rowsRead).toBe(12);
    expect(summary.rowsRejected).toBe(4);
    expect(summary.rejected).toEqual([
      { file: "export.csv.gz", row: 9, message: 'BilledCost "abc" is not a number' },
      { file: "export.csv.gz", row: 10, message: "BillingCurrency is not a three-letter currency code" },
      { file: "export.csv.gz", row: 11, message: "ChargePeriodStart is not a timestamp" },
      { file: "export.csv.gz", row: 12, message: "ChargePeriodEnd is before ChargePeriodStart" },
    ]);
    expect(summary.firstDay).toBe("2026-10-01");
    expect(summary.lastDay).toBe("2026-10-03");

    expect(await totals(org.id, "entityRef")).toEqual({
      "component:default/checkout|USD": "0.30",
      "component:default/search|USD": "123.45",
      "component:default/search|EUR": "7.00",
      "component:default/ghost|USD": "0.42",
      "|USD": "60.00", // team-only 9.99 plus unallocated 50.01
    });
    expect(await totals(org.id, "team")).toEqual({
      "group:default/payments|USD": "0.30",
      "group:default/discovery|USD": "123.45",
      "group:default/discovery|EUR": "7.00",
      "group:default/platform|USD": "9.99",
      "|USD": "50.43",
    });
    const unallocated = await tenant.costDaily.findMany({ where: { allocatedBy: "" } });
    expect(unallocated.map((r) => [r.serviceName, r.billedCost.toFixed(2)])).toEqual([["Support", "50.01"]]);
  });

  it("refuses a bad amount among lines that share everything else, and counts a line with two problems once", async () => {
    // The reader groups lines by their period, currency, service and tags before parsing
    // those: a bad amount must still refuse only its own line, and the effective cost of a
    // refused line must not leak into its group's sum.
    const { org, integration, tenant } = await setup();
    const support = { billedCents: 200, effectiveCents: 150, currency: "USD", day: "2026-10-03", service: "Support" };
    const t = await files({
      "export.csv": focusCsv(
        [support, support],
        [
          "oops,9.00,USD,2026-10-03T00:00:00Z,2026-10-03T23:59:59Z,Support,,",
          "oops,9.00,dollars,2026-10-03T00:00:00Z,2026-10-03T23:59:59Z,Support,,",
          "1.00,1.00,dollars,2026-10-03T00:00:00Z,2026-10-03T23:59:59Z,Support,,",
        ],
      ),
    });
    const summary = await importCostFiles(
      tenant,
      integration.id,
      [{ path: t.path("export.csv"), format: "csv", name: "export.csv" }],
      DEFAULT_ALLOCATION_RULES,
    );
    expect(summary).toMatchObject({ rowsRead: 5, rowsRejected: 3 });
    expect(summary.rejected.map((r) => [r.row, r.message])).toEqual([
      [3, 'BilledCost "oops" is not a number'],
      [4, 'BilledCost "oops" is not a number'],
      [5, "BillingCurrency is not a three-letter currency code"],
    ]);
    const [row] = await db.forOrg(org.id).costDaily.findMany();
    expect([row?.billedCost.toFixed(2), row?.effectiveCost.toFixed(2), row?.rowCount]).toEqual(["4.00", "3.00", 2]);
  });

  it("re-importing a period replaces it instead of adding to it", async () => {
    const { org, integration, tenant } = await setup();
    const t = await files({ "a.csv": focusCsv(rows), "b.csv": focusCsv([{ ...rows[3]!, billedCents: 100 }]) });
    const file = (name: string) => [{ path: t.path(name), format: "csv" as const, name }];
    await importCostFiles(tenant, integration.id, file("a.csv"), DEFAULT_ALLOCATION_RULES);
    await importCostFiles(tenant, integration.id, file("a.csv"), DEFAULT_ALLOCATION_RULES);
    expect((await totals(org.id, "entityRef"))["component:default/search|USD"]).toBe("123.45");

    // A file covering only 2026-10-02 replaces that day and leaves the others.
    await importCostFiles(tenant, integration.id, file("b.csv"), DEFAULT_ALLOCATION_RULES);
    const after = await totals(org.id, "entityRef");
    expect(after["component:default/search|USD"]).toBe("1.00");
    expect(after["component:default/search|EUR"]).toBeUndefined();
    expect(after["component:default/checkout|USD"]).toBe("0.30");
    expect(await tenant.costImport.count()).toBe(3);
  });

  it("reads Parquet to the same totals as CSV", async () => {
    const { org, integration, tenant } = await setup();
    const t = await files({ "export.csv": focusCsv(rows) });
    const duck = await DuckDBInstance.create(":memory:");
    const c = await duck.connect();
    await c.run(
      `COPY (SELECT * FROM read_csv('${t.path("export.csv")}', all_varchar = true)) TO '${t.path("export.parquet")}' (FORMAT parquet)`,
    );
    c.closeSync();
    duck.closeSync();
    await importCostFiles(
      tenant,
      integration.id,
      [{ path: t.path("export.parquet"), format: "parquet", name: "export.parquet" }],
      DEFAULT_ALLOCATION_RULES,
    );
    expect(await totals(org.id, "system")).toEqual({
      "system:default/shop|USD": "123.75",
      "system:default/shop|EUR": "7.00",
      "|USD": "60.42",
    });
  });

  it("stores service names and tag values exactly, whatever characters they hold", async () => {
    // The store sends each batch as PostgreSQL array literals that DuckDB writes: quotes,
    // backslashes, commas, braces, spaces, the word NULL and non-ASCII text must arrive as
    // they were, in the right row.
    const { org, integration, tenant } = await setup();
    const awkward = ['Say "hi"', "C:\\path\\", "a,b", "{x}", " padded ", "NULL", "", "Zürich ✓"];
    const t = await files({
      "export.csv": focusCsv(
        awkward.map((text, i) => ({
          billedCents: 100 * (i + 1),
          currency: "USD",
          day: "2026-10-01",
          service: text,
          ...(text.trim() ? { tags: { team: text } } : {}),
        })),
      ),
    });
    await importCostFiles(
      tenant,
      integration.id,
      [{ path: t.path("export.csv"), format: "csv", name: "export.csv" }],
      DEFAULT_ALLOCATION_RULES,
    );
    const stored = await db.forOrg(org.id).costDaily.findMany({ orderBy: { billedCost: "asc" } });
    expect(
      stored.map((r) => [r.serviceName, r.allocatedBy, r.allocationValue, r.team, r.billedCost.toFixed(2)]),
    ).toEqual(
      awkward.map((text, i) => [
        text,
        text.trim() ? "team" : "",
        text.trim() ? text.trim() : "",
        text.trim() ? `group:default/${text.trim().toLowerCase()}` : "",
        `${i + 1}.00`,
      ]),
    );
  });

  it("refuses a file that lacks FOCUS columns, naming them", async () => {
    const { integration, tenant } = await setup();
    const t = await files({ "x.csv": "cost,currency\n1,USD\n" });
    await expect(
      importCostFiles(
        tenant,
        integration.id,
        [{ path: t.path("x.csv"), format: "csv", name: "x.csv" }],
        DEFAULT_ALLOCATION_RULES,
      ),
    ).rejects.toThrow(
      "x.csv is not a FOCUS export: columns BilledCost, BillingCurrency, ChargePeriodStart, ChargePeriodEnd, ServiceName missing.",
    );
  });

  it("keeps each org's costs to itself", async () => {
    const a = await setup();
    const b = await setup();
    const t = await files({ "a.csv": focusCsv(rows) });
    await importCostFiles(
      a.tenant,
      a.integration.id,
      [{ path: t.path("a.csv"), format: "csv", name: "a.csv" }],
      DEFAULT_ALLOCATION_RULES,
    );
    expect(await b.tenant.costDaily.count()).toBe(0);
    expect(await b.tenant.costImport.count()).toBe(0);
    expect(await a.tenant.costDaily.count()).toBeGreaterThan(0);
    // Another org's integration is not found (its row is invisible to this org).
    await expect(
      importCostFiles(
        b.tenant,
        a.integration.id,
        [{ path: t.path("a.csv"), format: "csv", name: "a.csv" }],
        DEFAULT_ALLOCATION_RULES,
      ),
    ).rejects.toThrow("Integration not found.");
    expect(await a.tenant.costImport.count()).toBe(1);
  });
});
