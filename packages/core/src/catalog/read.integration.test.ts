import { describe, it, expect, beforeAll } from "vitest";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import type { TenantDb } from "@stagedoor/db";
import { importCatalog } from "./import-catalog";
import { listEntities, type ListEntitiesInput } from "./list-entities";
import { entityFacets } from "./entity-facets";
import { getEntityGraph } from "./entity-graph";
import { getOwnership } from "./ownership";
import type { EntitySummary } from "./entity-rows";
import { api, component, file, group, system, user } from "@stagedoor/catalog/testing";
import type { Principal } from "../authz";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
let tdb: TenantDb;

const TYPES = ["service", "website"];
const LIFECYCLES = ["production", "experimental", "deprecated"];
const OWNERS = ["team-a", "team-b", "user:alice"];

beforeAll(async () => {
  const org = await makeOrg(db);
  tdb = db.forOrg(org.id);
  const components = Array.from({ length: 30 }, (_, i) => {
    const n = String(i).padStart(2, "0");
    return component(
      `c-${n}`,
      {
        type: TYPES[i % 2],
        lifecycle: LIFECYCLES[i % 3],
        owner: OWNERS[i % 3],
        system: i < 20 ? "shop" : "billing",
        providesApis: i === 1 ? ["orders-api"] : undefined,
        consumesApis: i === 2 ? ["orders-api"] : undefined,
        dependsOn: i > 0 && i < 5 ? [`component:c-${String(i - 1).padStart(2, "0")}`] : undefined,
      },
      {
        title: i === 7 ? "Orders Gateway" : undefined,
        description: i % 5 === 0 ? "Handles payment refunds" : "Internal plumbing",
        tags: i % 2 ? ["java"] : ["go", "grpc"],
        namespace: i === 29 ? "ops" : undefined,
      },
    );
  });
  await importCatalog(tdb, null, {
    source: { type: "PUSH", key: "main" },
    files: [
      file("org.yaml", group("team-a"), group("team-b", { parent: "team-a" }), user("alice", ["team-b"]), user("bob")),
      file("systems.yaml", system("shop"), system("billing", { owner: "team-b" }), api("orders-api")),
      file("components.yaml", ...components),
    ],
  });
});

const refs = (items: EntitySummary[]) => items.map((e) => e.ref);

async function all(input: ListEntitiesInput = {}) {
  return (await listEntities(tdb, READER, { ...input, limit: 500 })).items;
}

describe("listing the catalog", () => {
  it("filters by kind, type, lifecycle, owner, system, namespace and tag, case-insensitively", async () => {
    expect((await listEntities(tdb, READER, { filter: { kind: ["Component"] } })).totalItems).toBe(30);
    expect((await listEntities(tdb, READER, { filter: { kind: ["component"], type: ["SERVICE"] } })).totalItems).toBe(
      15,
    );
    expect((await listEntities(tdb, READER, { filter: { lifecycle: ["deprecated"] } })).totalItems).toBe(10);
    const byAlice = await all({ filter: { owner: ["user:alice"] } });
    // c-29 lives in namespace ops, so its "user:alice" means user:ops/alice, as in Backstage.
    expect(byAlice.map((e) => e.owner)).toEqual(Array(9).fill("user:default/alice"));
    expect((await listEntities(tdb, READER, { filter: { owner: ["Team-B"] } })).totalItems).toBe(11);
    expect((await listEntities(tdb, READER, { filter: { system: ["billing"] } })).totalItems).toBe(9);
    expect(refs(await all({ filter: { namespace: ["ops"] } }))).toEqual(["component:ops/c-29"]);
    expect((await listEntities(tdb, READER, { filter: { tag: ["java"] } })).totalItems).toBe(15);
    expect((await listEntities(tdb, READER, { filter: { tag: ["java", "grpc"] } })).totalItems).toBe(30);
    expect((await listEntities(tdb, READER, { filter: [{ kind: ["group"] }, { kind: ["user"] }] })).totalItems).toBe(4);
  });

  it("returns display forms and flags in summaries", async () => {
    const [c7] = await all({ filter: { name: ["c-07"] } });
    expect(c7).toMatchObject({
      ref: "component:default/c-07",
      kind: "Component",
      namespace: "default",
      name: "c-07",
      title: "Orders Gateway",
      type: "website",
      lifecycle: "experimental",
      owner: "group:default/team-b",
      system: "system:default/shop",
      tags: ["java"],
      orphanedAt: null,
      hasErrors: false,
    });
  });

  it("searches names, titles, descriptions and tags by word prefix", async () => {
    expect(refs(await all({ text: "orders gate" }))).toEqual(["component:default/c-07"]);
    expect(refs(await all({ text: "ord" })).sort()).toEqual(["api:default/orders-api", "component:default/c-07"]);
    expect(await all({ text: "refund", filter: { kind: ["component"] } })).toHaveLength(6);
    expect((await listEntities(tdb, READER, { text: "grpc" })).totalItems).toBe(15);
    expect(await all({ text: "nothing-like-this" })).toEqual([]);
    expect(await all({ text: "  ?! " })).toEqual([]);
  });

  it.each([
    ["name", "asc"],
    ["name", "desc"],
    ["kind", "asc"],
    ["updated", "desc"],
  ] as const)("pages by %s %s without gaps or repeats, forwards and back", async (sort, direction) => {
    const everything = refs(await all({ sort, direction }));
    expect(everything).toHaveLength(37);
    const forward: string[] = [];
    const cursors: Array<string | null> = [];
    let cursor: string | null = null;
    do {
      const p = await listEntities(tdb, READER, { sort, direction, limit: 6, cursor });
      forward.push(...refs(p.items));
      cursors.push(p.prevCursor);
      cursor = p.nextCursor;
    } while (cursor);
    expect(forward).toEqual(everything);
    expect(cursors[0]).toBeNull();

    // Back from the last page, following prevCursor, reads the same rows in reverse.
    let last = await listEntities(tdb, READER, { sort, direction, limit: 6, offset: 36 });
    const backward = [...refs(last.items)];
    while (last.prevCursor) {
      last = await listEntities(tdb, READER, { sort, direction, limit: 6, cursor: last.prevCursor });
      backward.unshift(...refs(last.items));
    }
    expect(backward).toEqual(everything);
  });

  it("refuses a cursor made for another order", async () => {
    const p = await listEntities(tdb, READER, { sort: "name", limit: 5 });
    await expect(listEntities(tdb, READER, { sort: "kind", cursor: p.nextCursor })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(listEntities(tdb, READER, { cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("facets", () => {
  it("counts values of each facet among the entities matching the filters", async () => {
    const facets = await entityFacets(tdb, READER, {
      facets: ["kind", "type", "lifecycle", "owner", "tag", "namespace"],
      filter: { kind: ["component"], system: ["shop"] },
    });
    const shop = (await all({ filter: { kind: ["component"], system: ["shop"] } })) as EntitySummary[];
    const countBy = (f: (e: EntitySummary) => string[]) => {
      const m = new Map<string, number>();
      for (const e of shop) for (const v of f(e)) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    };
    expect(facets.kind).toEqual([{ value: "Component", count: 20 }]);
    expect(facets.type).toEqual(countBy((e) => [e.type!]));
    expect(facets.lifecycle).toEqual(countBy((e) => [e.lifecycle!]));
    expect(facets.owner).toEqual(countBy((e) => [e.owner!]));
    expect(facets.tag).toEqual(countBy((e) => e.tags));
    expect(facets.namespace).toEqual([{ value: "default", count: 20 }]);
    expect(await entityFacets(tdb, READER, { facets: [] })).toEqual({});
  });

  it("answers from the facet summary exactly what a pass over the rows answers", async () => {
    const facets = ["kind", "type", "lifecycle", "owner", "system", "namespace", "tag"] as const;
    for (const kind of [undefined, ["component"], ["component", "api"]]) {
      const fromSummary = await entityFacets(tdb, READER, { facets: [...facets], filter: kind ? { kind } : undefined });
      // hasErrors: false holds for every entity here but keeps the summary out of it.
      const live = await entityFacets(tdb, READER, { facets: [...facets], filter: { kind, hasErrors: false } });
      expect(fromSummary).toEqual(live);
      const total = await listEntities(tdb, READER, { filter: kind ? { kind, lifecycle: ["production"] } : undefined });
      const liveTotal = await listEntities(tdb, READER, {
        filter: { kind, lifecycle: kind ? ["production"] : undefined, hasErrors: false },
      });
      expect(total.totalItems).toBe(liveTotal.totalItems);
    }
  });
});

describe("graph and ownership", () => {
  it("walks n hops with one edge per relation pair, and stops at the node bound", async () => {
    const one = await getEntityGraph(tdb, READER, "component:default/c-02", { hops: 1 });
    expect(one.nodes.map((n) => n.ref).sort()).toEqual([
      "api:default/orders-api",
      "component:default/c-01",
      "component:default/c-02",
      "component:default/c-03",
      "system:default/shop",
      "user:default/alice",
    ]);
    expect(one.edges).toContainEqual({
      sourceRef: "component:default/c-03",
      type: "dependsOn",
      targetRef: "component:default/c-02",
    });
    expect(one.edges).toContainEqual({
      sourceRef: "component:default/c-02",
      type: "consumesApi",
      targetRef: "api:default/orders-api",
    });
    expect(one.edges.some((e) => e.type === "dependencyOf" || e.type === "ownerOf")).toBe(false);

    const two = await getEntityGraph(tdb, READER, "component:default/c-02", { hops: 2 });
    expect(two.nodes.map((n) => n.ref)).toContain("component:default/c-00");
    expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
    const small = await getEntityGraph(tdb, READER, "component:default/c-02", { hops: 3, maxNodes: 3 });
    expect(small.nodes).toHaveLength(3);
    expect(small.truncated).toBe(true);
    const refsInGraph = new Set(small.nodes.map((n) => n.ref));
    // Exactly the edges among the nodes it kept: none dangling, none dropped.
    const full = await getEntityGraph(tdb, READER, "component:default/c-02", { hops: 3 });
    const edgeKey = (e: { sourceRef: string; type: string; targetRef: string }) =>
      `${e.sourceRef} ${e.type} ${e.targetRef}`;
    const kept = full.edges.filter((e) => refsInGraph.has(e.sourceRef) && refsInGraph.has(e.targetRef));
    expect(kept.length).toBeGreaterThan(0);
    expect(small.edges.map(edgeKey).sort()).toEqual(kept.map(edgeKey).sort());
    await expect(getEntityGraph(tdb, READER, "component:default/missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists what a group owns, and for a user also what their groups own", async () => {
    const teamB = await getOwnership(tdb, READER, "group:default/team-b");
    expect(teamB.total).toBe(11);
    expect(teamB.byKind).toEqual([
      { value: "Component", count: 10 },
      { value: "System", count: 1 },
    ]);
    const alice = await getOwnership(tdb, READER, "user:default/alice");
    expect(alice.owners).toEqual(["user:default/alice", "group:default/team-b"]);
    expect(alice.total).toBe(9 + 11);
    expect(new Set(alice.items.map((i) => i.ownedVia))).toEqual(
      new Set(["user:default/alice", "group:default/team-b"]),
    );
    expect((await getOwnership(tdb, READER, "user:default/bob")).total).toBe(0);
  });
});
