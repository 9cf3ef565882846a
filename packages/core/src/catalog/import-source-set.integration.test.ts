import { describe, expect, it } from "vitest";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { component, file, group, resource, system } from "@stagedoor/catalog/testing";
import { importCatalogSources } from "./import-catalog";
import { importSourceSet, type SourceSetInput } from "./import-source-set";
import { refreshFacetCounts } from "./facet-summary";
import type { IngestionReport } from "./ingestion-types";
import { inThreadParsing } from "./parse-pool";

// The set-based import must leave the catalog exactly as importing the same sources one
// after another (importCatalogSources) does: each test runs both, each in its own org, and
// compares reports and stored state round after round.
const db = testDatabase();

const sameReport = (r: IngestionReport) => ({ ...r, durationMs: 0 });

const BROKEN = { name: "broken.yaml", content: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: [\n" };

async function stored(tdb: TenantDb) {
  return tdb.sql((q) =>
    q<Record<string, unknown>>(Prisma.sql`
      SELECT e.ref, s.key AS source, e."orphanedAt" IS NOT NULL AS orphaned, e.errors, e.hash, e.file, e.document,
        (SELECT array_agg(r.type || ' ' || r."targetRef" ORDER BY r.type, r."targetRef")
         FROM "CatalogRelation" r WHERE r."originId" = e.id) AS relations
      FROM "CatalogEntity" e JOIN "CatalogSource" s ON s.id = e."sourceId" ORDER BY e.ref`),
  );
}

async function records(tdb: TenantDb) {
  return tdb.sql((q) =>
    q<Record<string, unknown>>(Prisma.sql`
      SELECT 'conflict' AS what, s.key AS source, c.ref, x.key AS other, c.file, c.document
      FROM "CatalogConflict" c JOIN "CatalogSource" s ON s.id = c."sourceId" JOIN "CatalogSource" x ON x.id = c."existingSourceId"
      UNION ALL
      SELECT 'error', s.key, e.ref, NULL, e.file, e.document
      FROM "CatalogSourceError" e JOIN "CatalogSource" s ON s.id = e."sourceId"
      UNION ALL
      SELECT 'summary', s.key, s."lastSummary"::text, s.location::text, NULL, NULL FROM "CatalogSource" s
      ORDER BY 1, 2, 3, 5, 6`),
  );
}

async function facetsAgreeWithRecount(tdb: TenantDb) {
  const rows = () =>
    tdb.sql((q) =>
      q<{ kind: string; facet: string; counts: unknown }>(
        Prisma.sql`SELECT kind, facet, counts FROM "CatalogFacetCount" ORDER BY kind, facet`,
      ),
    );
  const before = await rows();
  await tdb.transaction(async (tx) => {
    const kinds = await tx.$queryRaw<Array<{ kind: string }>>`SELECT DISTINCT kind FROM "CatalogEntity"`;
    await refreshFacetCounts(tx, tdb.orgId, [...new Set([...kinds.map((k) => k.kind), ...before.map((r) => r.kind)])]);
  });
  expect(before).toEqual(await rows());
}

/** Runs each round both ways and expects the same reports and the same catalog. */
async function compareRounds(rounds: SourceSetInput[][]) {
  const [one, set] = [await makeOrg(db), await makeOrg(db)];
  const [oneDb, setDb] = [db.forOrg(one.id), db.forOrg(set.id)];
  const reports: IngestionReport[][] = [];
  for (const inputs of rounds) {
    const expected = await importCatalogSources(oneDb, null, inputs, { pool: inThreadParsing });
    const actual = await importSourceSet(setDb, null, inputs, inThreadParsing);
    expect(actual.map(sameReport)).toEqual(expected.map(sameReport));
    expect(await stored(setDb)).toEqual(await stored(oneDb));
    expect(await records(setDb)).toEqual(await records(oneDb));
    await facetsAgreeWithRecount(setDb);
    reports.push(actual);
  }
  return { setDb, oneDb, reports };
}

const src = (key: string, files: SourceSetInput["files"], location?: SourceSetInput["source"]["location"]) => ({
  source: { type: "GITHUB" as const, key, ...(location ? { location } : {}) },
  files,
  allowEmpty: true,
});

describe("importing a set of sources", () => {
  it("creates, updates and keeps entities with one source's rules, and a ref two sources emit goes to the first", async () => {
    await compareRounds([
      [
        src("i/repo/1", [file("catalog-info.yaml", component("orders", { dependsOn: ["resource:orders-db"] }))], {
          repository: "acme/orders",
          url: "https://github.test/acme/orders",
        }),
        src("i/repo/2", [file("catalog-info.yaml", resource("orders-db"), component("orders"))]),
        src("i/repo/3", [file("a.yaml", group("team-a")), file("b.yaml", group("team-a"), system("shop"))]),
      ],
      [
        src("i/repo/1", [file("catalog-info.yaml", component("orders", { lifecycle: "experimental" }))]),
        src("i/repo/2", [file("catalog-info.yaml", resource("orders-db"), component("orders"))]),
        src("i/repo/3", [file("a.yaml", group("team-a")), file("b.yaml", group("team-a"), system("shop"))]),
      ],
    ]);
  });

  it("lets a later source take over what an earlier one released, and an earlier one only the next time", async () => {
    const { reports } = await compareRounds([
      [
        src("i/repo/1", [file("catalog-info.yaml", component("moving"), component("stays-one"))]),
        src("i/repo/2", [file("catalog-info.yaml", component("going-back"))]),
      ],
      [
        // Source 0 comes before 2, which releases going-back in this same set: a conflict now.
        src("i/repo/0", [file("catalog-info.yaml", component("going-back"))]),
        src("i/repo/1", [file("catalog-info.yaml", component("stays-one"))]),
        src("i/repo/2", [file("catalog-info.yaml", component("moving"))]),
      ],
      [
        src("i/repo/0", [file("catalog-info.yaml", component("going-back"))]),
        src("i/repo/1", [file("catalog-info.yaml", component("stays-one"))]),
        src("i/repo/2", [file("catalog-info.yaml", component("moving"))]),
      ],
    ]);
    const [, second, third] = reports;
    expect(second!.map((r) => r.counts)).toMatchObject([
      { conflicts: 1 },
      { orphaned: 1 },
      { updated: 1, orphaned: 1 },
    ]);
    expect(second![2]!.files[0]!.documents[0]!.message).toMatch(/Taken over/);
    expect(third![0]!.counts).toMatchObject({ updated: 1, conflicts: 0 });
  });

  it("orphans what an emptied source held and keeps the entities of a refused file, showing why", async () => {
    const { reports } = await compareRounds([
      [
        src("i/repo/1", [file("catalog-info.yaml", component("a")), file("broken.yaml", component("b"))]),
        src("i/repo/2", [file("catalog-info.yaml", component("c"), component("c"))]),
      ],
      [src("i/repo/1", [file("catalog-info.yaml", component("a")), BROKEN]), src("i/repo/2", [])],
      [src("i/repo/1", []), src("i/repo/2", [file("catalog-info.yaml", component("b"))])],
    ]);
    expect(reports[0]![1]!.counts).toMatchObject({ created: 1, duplicates: 1 });
    expect(reports[1]!.map((r) => r.counts)).toMatchObject([{ orphaned: 0, invalid: 1 }, { orphaned: 1 }]);
    expect(reports[2]!.map((r) => r.counts)).toMatchObject([{ orphaned: 2 }, { updated: 1 }]);
  });

  it("writes only its own org's catalog", async () => {
    const { setDb, oneDb } = await compareRounds([[src("i/repo/1", [file("catalog-info.yaml", component("shared"))])]]);
    // Both orgs hold component:default/shared from a source of the same key: neither saw the other's.
    await importSourceSet(setDb, null, [src("i/repo/1", [])], inThreadParsing);
    expect(await stored(oneDb)).toMatchObject([{ ref: "component:default/shared", orphaned: false }]);
    expect(await stored(setDb)).toMatchObject([{ ref: "component:default/shared", orphaned: true }]);
  });
});
