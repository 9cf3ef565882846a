import { describe, it, expect } from "vitest";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { component, file, group, resource, system } from "@stagedoor/catalog/testing";
import type { Principal } from "../authz";
import { importCatalog, importCatalogSources, type IngestionTuning } from "./import-catalog";
import { getEntity } from "./get-entity";
import { refreshFacetCounts } from "./facet-summary";
import type { CatalogFileInput, IngestionReport } from "./ingestion-types";
import { inThreadParsing, parsePool } from "./parse-pool";

// The pipeline parses, plans and writes a source batch by batch. One byte per batch makes
// every file its own batch, so each test crosses batch boundaries at every file; no ref
// kept in memory sends every emitted ref through the temporary table, as a large source's.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };
const EVERY_FILE: IngestionTuning = { batchBytes: 1, pool: inThreadParsing, inMemoryRefs: 0 };
const ONE_BATCH: IngestionTuning = { batchBytes: Number.MAX_SAFE_INTEGER, pool: inThreadParsing };

const db = testDatabase();

async function newCatalog() {
  const org = await makeOrg(db);
  const tdb = db.forOrg(org.id);
  const push = (key: string, files: CatalogFileInput[] | AsyncIterable<CatalogFileInput>, tuning = EVERY_FILE) =>
    importCatalog(tdb, null, { source: { type: "PUSH", key }, files }, tuning);
  return { tdb, push };
}

async function* stream(files: CatalogFileInput[]) {
  for (const f of files) yield f;
}

const relationsOf = async (tdb: TenantDb, ref: string) =>
  (await getEntity(tdb, READER, ref)).relations.map((r) => `${r.type} ${r.targetRef}`);

const sameReport = (r: IngestionReport) => ({ ...r, durationMs: 0 });

/** The stored facet rows, then the same rows recounted from the entities: they must agree. */
async function facetRowsAndRecount(tdb: TenantDb) {
  const rows = () =>
    tdb.sql((q) =>
      q<{ kind: string; facet: string; counts: unknown }>(
        Prisma.sql`SELECT kind, facet, counts FROM "CatalogFacetCount" ORDER BY kind, facet`,
      ),
    );
  const stored = await rows();
  await tdb.transaction(async (tx) => {
    const kinds = await tx.$queryRaw<Array<{ kind: string }>>`SELECT DISTINCT kind FROM "CatalogEntity"`;
    await refreshFacetCounts(tx, tdb.orgId, [...new Set([...kinds.map((k) => k.kind), ...stored.map((r) => r.kind)])]);
  });
  return { stored, recounted: await rows() };
}

const shop = () => [
  file("svc.yaml", component("orders", { system: "shop", dependsOn: ["resource:orders-db"] })),
  file("db.yaml", resource("orders-db", { system: "shop" })),
  file("teams.yaml", group("team-a"), system("shop")),
];

describe("ingestion in batches", () => {
  it("derives the same relations as one batch when an entity's targets come in later batches", async () => {
    const batched = await newCatalog();
    const whole = await newCatalog();
    const a = await batched.push("main", shop());
    const b = await whole.push("main", shop(), ONE_BATCH);
    expect(a.counts).toMatchObject({ created: 4, duplicates: 0 });
    expect(sameReport(a)).toEqual(sameReport(b));
    for (const ref of ["component:default/orders", "resource:default/orders-db", "group:default/team-a"]) {
      expect(await relationsOf(batched.tdb, ref)).toEqual(await relationsOf(whole.tdb, ref));
    }
    expect(await relationsOf(batched.tdb, "resource:default/orders-db")).toEqual([
      "dependencyOf component:default/orders",
      "ownedBy group:default/team-a",
      "partOf system:default/shop",
    ]);
  });

  it("reports a ref defined again in a later batch as a duplicate of the first", async () => {
    const { push, tdb } = await newCatalog();
    const report = await push("main", [
      ...shop(),
      file("again.yaml", component("orders", { lifecycle: "deprecated" })),
    ]);
    expect(report.files[3]?.documents[0]).toMatchObject({
      status: "duplicate",
      message: expect.stringContaining("svc.yaml doc 1"),
    });
    expect(report.counts).toMatchObject({ created: 4, duplicates: 1 });
    expect((await getEntity(tdb, READER, "component:default/orders")).lifecycle).toBe("production");
  });

  // A batch is looked up and planned while the one before it is still being written, so a
  // duplicate in the very next batch is found from that batch's refs, not from the database.
  it.each([
    ["refs in the database", EVERY_FILE],
    ["refs moving to the database midway", { ...EVERY_FILE, inMemoryRefs: 2 }],
    ["refs kept in memory", { ...EVERY_FILE, inMemoryRefs: 1000 }],
  ])("finds a duplicate in the very next batch and in later ones (%s)", async (_, tuning) => {
    const { push, tdb } = await newCatalog();
    const report = await push(
      "main",
      [
        shop()[0]!,
        file("next.yaml", component("orders", { lifecycle: "deprecated" })),
        ...shop().slice(1),
        file("later.yaml", component("orders", { lifecycle: "experimental" })),
      ],
      tuning,
    );
    expect(report.files.map((f) => f.documents[0]?.status)).toEqual([
      "created",
      "duplicate",
      "created",
      "created",
      "duplicate",
    ]);
    expect(report.counts).toMatchObject({ created: 4, duplicates: 2 });
    expect((await getEntity(tdb, READER, "component:default/orders")).lifecycle).toBe("production");
  });

  it("orphans only what a streamed source stopped emitting, and keeps a refused file's entities", async () => {
    const { push, tdb } = await newCatalog();
    const files = Array.from({ length: 5 }, (_, i) => file(`part-${i}.yaml`, group(`team-${i}a`), group(`team-${i}b`)));
    await push("main", files);
    const report = await push(
      "main",
      stream([files[0]!, files[2]!, files[4]!, { name: "part-3.yaml", content: "kind: [unclosed\n" }]),
    );
    expect(report.counts).toMatchObject({ unchanged: 6, orphaned: 2, invalid: 1 });
    expect(report.orphaned).toEqual(["group:default/team-1a", "group:default/team-1b"]);
    const kept = await getEntity(tdb, READER, "group:default/team-3a");
    expect(kept.orphanedAt).toBeNull();
    expect(kept.errors?.[0]).toMatchObject({ file: "part-3.yaml", code: "yaml-syntax" });
    expect((await getEntity(tdb, READER, "group:default/team-1a")).orphanedAt).toBeInstanceOf(Date);
    expect((await getEntity(tdb, READER, "group:default/team-4b")).orphanedAt).toBeNull();

    // A dry run names the same orphans without marking them.
    const dry = await importCatalog(
      tdb,
      null,
      { source: { type: "PUSH", key: "main" }, files: [files[4]!], dryRun: true },
      EVERY_FILE,
    );
    expect(dry.orphaned).toEqual([
      "group:default/team-0a",
      "group:default/team-0b",
      "group:default/team-2a",
      "group:default/team-2b",
      "group:default/team-3a",
      "group:default/team-3b",
    ]);
    expect((await getEntity(tdb, READER, "group:default/team-0a")).orphanedAt).toBeNull();
  });

  it("keeps the facet counts equal to a recount through creates, changes, takeovers and orphaning", async () => {
    const { push, tdb } = await newCatalog();
    await push("main", shop());
    await push("other", [file("o.yaml", component("payments", { lifecycle: "experimental" }, { tags: ["go", "Go"] }))]);
    await push("main", [
      file("svc.yaml", component("orders", { owner: "team-b", system: "shop" }, { tags: ["java"] })),
      shop()[2]!,
    ]);
    await push("other", [
      file("o.yaml", component("payments", { lifecycle: "production" })),
      file("t.yaml", resource("orders-db", { type: "queue" })),
    ]);
    const { stored, recounted } = await facetRowsAndRecount(tdb);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(recounted);
  });

  it("keeps the facet counts exact when their changes are applied a few at a time", async () => {
    const { push, tdb } = await newCatalog();
    const few = { ...EVERY_FILE, facetChunk: 2 };
    await push("main", shop(), few);
    await push("main", [...shop().slice(0, 2), file("teams.yaml", group("team-b"), system("shop"))], few);
    const { stored, recounted } = await facetRowsAndRecount(tdb);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(recounted);
  });

  it("parses on worker threads with the same results as on the calling thread", async () => {
    const pool = await parsePool();
    expect(pool.threads).toBeGreaterThan(0);
    const threaded = await newCatalog();
    const here = await newCatalog();
    const files = [...shop(), ...Array.from({ length: 20 }, (_, i) => file(`g-${i}.yaml`, group(`g-${i}`)))];
    const a = await threaded.push("main", files, { batchBytes: 2000, pool });
    const b = await here.push("main", files, EVERY_FILE);
    expect(sameReport(a)).toEqual(sameReport(b));
    expect(await relationsOf(threaded.tdb, "component:default/orders")).toEqual(
      await relationsOf(here.tdb, "component:default/orders"),
    );
  });

  it("imports several sources in one transaction with the rules of one at a time", async () => {
    const { tdb } = await newCatalog();
    const [first, second] = await importCatalogSources(
      tdb,
      null,
      [
        { source: { type: "PUSH", key: "one" }, files: shop() },
        { source: { type: "PUSH", key: "two" }, files: [file("x.yaml", component("orders"), group("team-b"))] },
      ],
      EVERY_FILE,
    );
    expect(first!.counts).toMatchObject({ created: 4 });
    expect(second!.counts).toMatchObject({ created: 1, conflicts: 1 });
    expect((await getEntity(tdb, READER, "component:default/orders")).source.key).toBe("one");
    // The second source's ref table starts empty: its refs are not duplicates of the first's.
    expect(second!.counts.duplicates).toBe(0);
    const { stored, recounted } = await facetRowsAndRecount(tdb);
    expect(stored).toEqual(recounted);
  });
});
