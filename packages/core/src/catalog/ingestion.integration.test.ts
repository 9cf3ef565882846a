import { describe, it, expect } from "vitest";
import { Prisma } from "@stagedoor/db";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import type { Principal } from "../authz";
import { importCatalog } from "./import-catalog";
import { getEntity } from "./get-entity";
import { listEntities } from "./list-entities";
import { entityFacets, FACET_KEYS } from "./entity-facets";
import { orgsWithExpiredOrphans, orphanCutoff, purgeOrphanedEntities } from "./purge-orphans";
import type { CatalogFileInput } from "./ingestion-types";
import { component, file, group, resource, system } from "@stagedoor/catalog/testing";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
const admin: Principal = { type: "user", userId: "u-test", email: "owner@example.test", role: "OWNER" };

async function newCatalog() {
  const org = await makeOrg(db);
  const tdb = db.forOrg(org.id);
  const push = (key: string, files: CatalogFileInput[], dryRun = false) =>
    importCatalog(tdb, admin, { source: { type: "PUSH", key }, files, dryRun });
  return { org, tdb, push };
}

const baseFiles = () => [
  file("teams.yaml", group("team-a"), system("shop")),
  file("svc.yaml", component("orders", { system: "shop", dependsOn: ["resource:orders-db"] }), resource("orders-db")),
];

describe("catalog ingestion", () => {
  it("creates entities with relations in both directions and reports per document", async () => {
    const { tdb, push } = await newCatalog();
    const report = await push("main", baseFiles());
    expect(report.counts).toMatchObject({ created: 4, updated: 0, unchanged: 0, orphaned: 0, invalid: 0 });
    expect(report.ok).toBe(true);
    expect(report.files[1]?.documents[0]).toMatchObject({
      ref: "component:default/orders",
      status: "created",
      line: 1,
      column: 1,
    });
    const orders = await getEntity(tdb, READER, "component:default/orders");
    expect(orders.relations.map((r) => `${r.type} ${r.targetRef}`)).toEqual([
      "dependsOn resource:default/orders-db",
      "ownedBy group:default/team-a",
      "partOf system:default/shop",
    ]);
    const team = await getEntity(tdb, READER, "group:default/team-a");
    expect(team.relations.map((r) => `${r.type} ${r.targetRef}`)).toEqual([
      "ownerOf component:default/orders",
      "ownerOf resource:default/orders-db",
      "ownerOf system:default/shop",
    ]);
    const audit = await tdb.auditLog.findMany({ where: { action: "catalog.imported" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: "push:main", actorEmail: "owner@example.test" });
  });

  it("is idempotent and skips unchanged entities by hash", async () => {
    const { tdb, push } = await newCatalog();
    await push("main", baseFiles());
    const before = await getEntity(tdb, READER, "component:default/orders");
    const again = await push("main", baseFiles());
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const after = await getEntity(tdb, READER, "component:default/orders");
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.uid).toBe(before.uid);

    const changed = baseFiles();
    changed[1] = file(
      "svc.yaml",
      component("orders", { system: "shop", lifecycle: "deprecated" }),
      resource("orders-db"),
    );
    const third = await push("main", changed);
    expect(third.counts).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const updated = await getEntity(tdb, READER, "component:default/orders");
    expect(updated.lifecycle).toBe("deprecated");
    expect(updated.uid).toBe(before.uid);
    expect(updated.etag).not.toBe(before.etag);
    // The dependency is gone with the change: relations follow the content.
    expect(updated.relations.map((r) => r.type)).toEqual(["ownedBy", "partOf"]);
  });

  it("keeps the last good version of an entity whose new version has errors, and shows the errors", async () => {
    const { tdb, push } = await newCatalog();
    await push("main", baseFiles());
    const broken = baseFiles();
    broken[1] = file(
      "svc.yaml",
      component("orders", { system: "shop", lifecycle: undefined, owner: "" }),
      resource("orders-db"),
    );
    const report = await push("main", broken);
    expect(report.ok).toBe(false);
    const doc = report.files[1]?.documents[0];
    expect(doc).toMatchObject({ ref: "component:default/orders", status: "invalid", keptLastGood: true });
    expect(doc?.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["spec.owner"]));
    expect(doc?.errors[0]).toMatchObject({ file: "svc.yaml", document: 1, line: expect.any(Number) });
    const orders = await getEntity(tdb, READER, "component:default/orders");
    expect(orders.lifecycle).toBe("production");
    expect(orders.hasErrors).toBe(true);
    expect(orders.errors?.length).toBeGreaterThan(0);
    expect(orders.orphanedAt).toBeNull();

    const fixed = await push("main", baseFiles());
    expect(fixed.counts).toMatchObject({ updated: 1, unchanged: 3 });
    expect((await getEntity(tdb, READER, "component:default/orders")).errors).toBeNull();
  });

  it("records invalid documents without a stored version as source errors, not entities", async () => {
    const { tdb, push } = await newCatalog();
    const report = await push("main", [file("bad.yaml", component("new-one", { owner: "" }), "kind: Component\n")]);
    expect(report.files[0]?.rejected).toBe(true);
    expect(report.files[0]?.documents.map((d) => [d.ref, d.status, d.keptLastGood])).toEqual([
      ["component:default/new-one", "invalid", false],
      [null, "invalid", false],
    ]);
    await expect(getEntity(tdb, READER, "component:default/new-one")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const errors = await tdb.catalogSourceError.findMany({ orderBy: { document: "asc" } });
    expect(errors.map((e) => [e.file, e.document, e.ref])).toEqual([
      ["bad.yaml", 1, "component:default/new-one"],
      ["bad.yaml", 2, null],
    ]);
  });

  it("keeps a refused file's entities instead of orphaning them", async () => {
    const { tdb, push } = await newCatalog();
    await push("main", baseFiles());
    const report = await push("main", [baseFiles()[0]!, { name: "svc.yaml", content: "kind: [unclosed\n" }]);
    expect(report.files[1]).toMatchObject({ rejected: true });
    expect(report.counts.orphaned).toBe(0);
    const orders = await getEntity(tdb, READER, "component:default/orders");
    expect(orders.orphanedAt).toBeNull();
    expect(orders.errors?.[0]).toMatchObject({ file: "svc.yaml", code: "yaml-syntax" });
  });

  it("records the same ref from a second source as a conflict on that source, without overwriting", async () => {
    const { tdb, push } = await newCatalog();
    await push("main", baseFiles());
    const report = await push("other", [file("x.yaml", component("orders", { lifecycle: "experimental" }))]);
    expect(report.files[0]?.documents[0]).toMatchObject({ status: "conflict", ref: "component:default/orders" });
    expect(report.counts.conflicts).toBe(1);
    const orders = await getEntity(tdb, READER, "component:default/orders");
    expect(orders.lifecycle).toBe("production");
    expect(orders.source).toEqual({ type: "PUSH", key: "main" });
    expect(orders.conflicts).toEqual([
      { source: { type: "PUSH", key: "other" }, file: "x.yaml", document: 1, at: expect.any(Date) },
    ]);
  });

  it("orphans what a source stops emitting, restores it when emitted again, and lets another source take an orphan", async () => {
    const { tdb, push } = await newCatalog();
    await push("main", baseFiles());
    const report = await push("main", [baseFiles()[0]!]);
    expect(report.counts).toMatchObject({ orphaned: 2, unchanged: 2 });
    expect(report.orphaned.sort()).toEqual(["component:default/orders", "resource:default/orders-db"]);
    const orphans = await listEntities(tdb, READER, { filter: { orphaned: true } });
    expect(orphans.items.map((e) => e.ref).sort()).toEqual(["component:default/orders", "resource:default/orders-db"]);
    expect(orphans.items[0]?.orphanedAt).toBeInstanceOf(Date);

    const back = await push("main", baseFiles());
    expect(back.counts).toMatchObject({ updated: 2, unchanged: 2, orphaned: 0 });
    expect((await getEntity(tdb, READER, "component:default/orders")).orphanedAt).toBeNull();

    await push("main", [baseFiles()[0]!]);
    const takeover = await push("other", [file("o.yaml", component("orders"))]);
    expect(takeover.files[0]?.documents[0]).toMatchObject({
      status: "updated",
      message: expect.stringMatching(/orphan/),
    });
    expect((await getEntity(tdb, READER, "component:default/orders")).source.key).toBe("other");
  });

  it("purges orphans after the grace period; relations towards them stay, dangling", async () => {
    const { org, tdb, push } = await newCatalog();
    await push("main", baseFiles());
    await push("main", [
      baseFiles()[0]!,
      file("svc.yaml", component("orders", { system: "shop", dependsOn: ["resource:orders-db"] })),
    ]);
    const db1 = await getEntity(tdb, READER, "resource:default/orders-db");
    expect(db1.orphanedAt).not.toBeNull();

    expect(await purgeOrphanedEntities(tdb, orphanCutoff(1))).toEqual({ deleted: [] });
    // Two hours old against a one-hour grace period (the worker's test uses a day: no overlap).
    await db.admin.catalogEntity.updateMany({
      where: { orgId: org.id, orphanedAt: { not: null } },
      data: { orphanedAt: new Date(Date.now() - 2 * 3600_000) },
    });
    expect(await orgsWithExpiredOrphans(db, orphanCutoff(1))).toContain(org.id);
    expect(await purgeOrphanedEntities(tdb, orphanCutoff(1))).toEqual({ deleted: ["resource:default/orders-db"] });
    await expect(getEntity(tdb, READER, "resource:default/orders-db")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Its own relations went with it; the one the component declares is kept, dangling.
    const [own] = await tdb.sql((q) =>
      q<{ count: number }>(Prisma.sql`
        SELECT count(*)::int AS count FROM "CatalogRelation"
        WHERE "sourceRef" = 'resource:default/orders-db' AND type = 'ownedBy'`),
    );
    expect(own!.count).toBe(0);
    const orders = await getEntity(tdb, READER, "component:default/orders");
    expect(orders.relations.find((r) => r.type === "dependsOn")).toEqual({
      type: "dependsOn",
      targetRef: "resource:default/orders-db",
      dangling: true,
      target: null,
    });
    expect(orders.relations.find((r) => r.type === "ownedBy")).toMatchObject({
      dangling: false,
      target: { name: "team-a" },
    });
  });

  it("keeps the facet summary exact through changes, orphaning and purges", async () => {
    const { org, tdb, push } = await newCatalog();
    const agree = async () => {
      for (const kind of [undefined, ["component"], ["resource", "group"]]) {
        const summary = await entityFacets(tdb, READER, {
          facets: [...FACET_KEYS],
          filter: kind ? { kind } : undefined,
        });
        const live = await entityFacets(tdb, READER, { facets: [...FACET_KEYS], filter: { kind, hasErrors: false } });
        expect(summary).toEqual(live);
      }
    };
    await push("main", baseFiles());
    await agree();
    await push("other", [file("o.yaml", component("payments", { lifecycle: "experimental" }, { tags: ["go"] }))]);
    await push("main", [baseFiles()[0]!, file("svc.yaml", component("orders", { owner: "team-b" }))]);
    await agree();
    await db.admin.catalogEntity.updateMany({
      where: { orgId: org.id, orphanedAt: { not: null } },
      data: { orphanedAt: new Date(Date.now() - 2 * 3600_000) },
    });
    await purgeOrphanedEntities(tdb, orphanCutoff(1));
    await agree();
    expect((await entityFacets(tdb, READER, { facets: ["kind"] })).kind).toEqual([
      { value: "Component", count: 2 },
      { value: "Group", count: 1 },
      { value: "System", count: 1 },
    ]);
  });

  it("reports without writing in a dry run", async () => {
    const { tdb, push } = await newCatalog();
    const dry = await push("main", baseFiles(), true);
    expect(dry).toMatchObject({ dryRun: true, counts: { created: 4 } });
    expect(await tdb.catalogEntity.count()).toBe(0);
    expect(await tdb.catalogSource.count()).toBe(0);
    expect(await tdb.auditLog.count({ where: { action: "catalog.imported" } })).toBe(0);

    await push("main", baseFiles());
    const dry2 = await push("main", [baseFiles()[0]!], true);
    expect(dry2.counts).toMatchObject({ unchanged: 2, orphaned: 2 });
    expect(await tdb.catalogEntity.count({ where: { orphanedAt: { not: null } } })).toBe(0);
  });

  it("refuses a document holding a NUL character on its own, instead of failing the import", async () => {
    const { tdb, push } = await newCatalog();
    const nul = component("nul").replace("spec:", '  description: "a\\0b"\nspec:');
    const report = await push("main", [file("a.yaml", component("fine"), nul)]);
    expect(report.files[0]?.documents.map((d) => d.status)).toEqual(["created", "invalid"]);
    expect(report.files[0]?.documents[1]?.errors[0]?.message).toMatch(/NUL/);
    expect((await listEntities(tdb, READER)).items.map((e) => e.name)).toEqual(["fine"]);
  });

  it("uses the first of two definitions of a ref in one import and reports the second", async () => {
    const { push } = await newCatalog();
    const report = await push("main", [
      file("a.yaml", component("dup")),
      file("b.yaml", component("dup", { lifecycle: "experimental" })),
    ]);
    expect(report.files[1]?.documents[0]).toMatchObject({
      status: "duplicate",
      message: expect.stringMatching(/a\.yaml doc 1/),
    });
    expect(report.counts).toMatchObject({ created: 1, duplicates: 1 });
  });

  it("needs the catalog:write scope for a token to import, catalog:read for a dry run", async () => {
    const { tdb } = await newCatalog();
    const reader: Principal = {
      type: "token",
      tokenId: "t",
      name: "ci",
      prefix: "sdt_x",
      scopes: ["catalog:read"],
      creator: { userId: "u-test", role: "OWNER" },
    };
    const input = { source: { type: "PUSH" as const, key: "main" }, files: baseFiles() };
    await expect(importCatalog(tdb, reader, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importCatalog(tdb, reader, { ...input, dryRun: true })).resolves.toMatchObject({ dryRun: true });
  });

  it("refuses bad source names and duplicate file names", async () => {
    const { push } = await newCatalog();
    await expect(push("../etc", baseFiles())).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(push("main", [file("a.yaml", group("g")), file("a.yaml", group("h"))])).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
