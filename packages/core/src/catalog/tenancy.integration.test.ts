import { describe, it, expect, beforeAll } from "vitest";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { importCatalog } from "./import-catalog";
import { listEntities } from "./list-entities";
import { entityFacets } from "./entity-facets";
import { getEntity, getStoredEntities } from "./get-entity";
import { getEntityGraph } from "./entity-graph";
import { getOwnership } from "./ownership";
import { listCatalogSources } from "./sources";
import { queryBackstageEntities } from "./query-backstage-entities";
import { backstageFacets } from "./authored-facets";
import { component, file, group } from "@stagedoor/catalog/testing";
import type { Principal } from "../authz";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
let a: TenantDb;
let b: TenantDb;

// Both orgs use the same refs, so any leak would show up as the other org's content.
beforeAll(async () => {
  const [orgA, orgB] = await Promise.all([makeOrg(db), makeOrg(db)]);
  a = db.forOrg(orgA.id);
  b = db.forOrg(orgB.id);
  const push = (tdb: TenantDb, tag: string, extra: string[]) =>
    importCatalog(tdb, null, {
      source: { type: "PUSH", key: "main" },
      files: [
        file(
          "c.yaml",
          group("team-a"),
          component("orders", { dependsOn: ["component:shared"] }, { tags: [tag], description: `secret ${tag}` }),
          ...extra,
        ),
      ],
    });
  await push(a, "alpha", [component("only-in-a")]);
  await push(b, "beta", []);
});

describe("catalog tenancy", () => {
  it("lists, searches and counts only the org's own entities", async () => {
    expect((await listEntities(b, READER, {})).items.map((e) => e.ref).sort()).toEqual([
      "component:default/orders",
      "group:default/team-a",
    ]);
    expect((await listEntities(b, READER, { text: "alpha" })).totalItems).toBe(0);
    expect((await listEntities(b, READER, { filter: { tag: ["alpha"] } })).totalItems).toBe(0);
    expect((await listEntities(b, READER, { filter: { name: ["only-in-a"] } })).totalItems).toBe(0);
    expect((await entityFacets(b, READER, { facets: ["tag"] })).tag).toEqual([{ value: "beta", count: 1 }]);
    expect(
      (await entityFacets(b, READER, { facets: ["tag"], filter: { kind: ["component"], hasErrors: false } })).tag,
    ).toEqual([{ value: "beta", count: 1 }]);
  });

  it("reads entities, relations, graphs and ownership of its own org only", async () => {
    const orders = await getEntity(b, READER, "component:default/orders");
    expect(orders.tags).toEqual(["beta"]);
    expect(orders.description).toBe("secret beta");
    await expect(getEntity(b, READER, "component:default/only-in-a")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await getStoredEntities(b, READER, ["component:default/only-in-a", "component:default/orders"]),
    ).toMatchObject([null, { entity: { metadata: { tags: ["beta"] } } }]);
    const team = await getEntity(b, READER, "group:default/team-a");
    expect(team.relations.map((r) => r.targetRef)).toEqual(["component:default/orders"]);
    const graph = await getEntityGraph(b, READER, "group:default/team-a", { hops: 3 });
    expect(graph.nodes.map((n) => n.ref)).not.toContain("component:default/only-in-a");
    expect((await getOwnership(b, READER, "group:default/team-a")).total).toBe(1);
    expect((await getOwnership(a, READER, "group:default/team-a")).total).toBe(2);
    expect((await listCatalogSources(b, READER)).map((s) => s.entityCount)).toEqual([2]);
  });

  it("keeps the read view and the tables scoped even to raw SQL", async () => {
    const count = (tdb: { sql: TenantDb["sql"] }, from: string) =>
      tdb.sql((q) => q<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(from)}`));
    expect(await count(b, "catalog_entities")).toEqual([{ n: 2 }]);
    expect(await count(b, '"CatalogEntity"')).toEqual([{ n: 2 }]);
    expect(await count(b, '"CatalogRelation"')).toEqual(
      await count(b, '"CatalogRelation" WHERE "orgId" = current_setting(\'app.org_id\')'),
    );
    expect(await count(b, '"CatalogFacetCount" WHERE "orgId" <> current_setting(\'app.org_id\')')).toEqual([{ n: 0 }]);
    // With no org set, the view shows nothing, like the tables.
    expect(await count(db.admin, "catalog_entities")).toEqual([{ n: 0 }]);
  });

  it("cannot write through the read view", async () => {
    await expect(b.sql((q) => q(Prisma.sql`UPDATE catalog_entities SET title = 'pwned'`))).rejects.toThrow(
      /permission denied/,
    );
    expect((await getEntity(a, READER, "component:default/orders")).title).toBeNull();
  });

  it("answers Backstage queries, facets and hot reads from the org's own rows, and none for a wrong org", async () => {
    const names = async (tdb: TenantDb, term: string) =>
      (
        await queryBackstageEntities(tdb, READER, {
          fullText: { term, fields: ["metadata.name", "metadata.description", "metadata.tags"] },
          order: [{ field: "metadata.description", order: "asc" }],
          limit: 100,
          withTotal: true,
        })
      ).rows.map((r) => r.entity.metadata.name);
    expect(await names(b, "only-in")).toEqual([]);
    expect(await names(b, "alpha")).toEqual([]);
    expect(await names(a, "alpha")).toEqual(["orders"]);
    expect(await backstageFacets(b, READER, { facets: ["metadata.tags", "metadata.description"] })).toEqual({
      "metadata.tags": [{ value: "beta", count: 1 }],
      "metadata.description": [{ value: "secret beta", count: 1 }],
    });
    // A binding to an org that is not this one (or to none) reads nothing on the one-round-trip path.
    const stranger = db.forOrg("no-such-org");
    expect(await getStoredEntities(stranger, READER, ["component:default/orders"])).toEqual([null]);
    expect((await queryBackstageEntities(stranger, READER, { limit: 100, withTotal: true })).totalItems).toBe(0);
    expect(await backstageFacets(stranger, READER, { facets: ["kind"] })).toEqual({ kind: [] });
  });
});
