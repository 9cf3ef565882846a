import { describe, it, expect, beforeAll } from "vitest";
import { component as entity, docs, group, user } from "@stagedoor/catalog/testing";
import { orgWithCatalog, restClient } from "../../testing/rest";
import {
  entitiesByRefsResponse,
  entitiesResponse,
  errorResponse,
  facetsResponse,
  queryEntitiesResponse,
  backstageEntity,
} from "../../testing/backstage-shapes";

const component = (name: string, type: string, spec: Record<string, string[]> = {}) =>
  entity(
    name,
    { type, ...spec },
    { title: `${name.toUpperCase()} service`, annotations: { "backstage.io/techdocs-ref": "dir:." }, tags: ["java"] },
  );

const YAML = docs(
  group("team-a"),
  user("ann", ["team-a"]),
  ...Array.from({ length: 12 }, (_, i) =>
    component(`svc-${String(i).padStart(2, "0")}`, i % 3 ? "service" : "website"),
  ),
  component("orders", "service", { dependsOn: ["resource:orders-db"] }),
);

const rest = restClient();
let token: string;

beforeAll(async () => {
  token = (await orgWithCatalog(YAML)).read;
});

const get = (path: string) => rest.get(path, token);

describe("Backstage-compatible catalog REST: response shapes", () => {
  it("GET /entities answers an array of full entities with uid, etag and relations", async () => {
    const res = await get("/entities?filter=kind=component");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const items = entitiesResponse.parse(res.body);
    expect(items).toHaveLength(13);
    const orders = items.find((e) => e.metadata.name === "orders")!;
    expect(orders).toMatchObject({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: { namespace: "default", annotations: { "backstage.io/techdocs-ref": "dir:." } },
      spec: { owner: "team-a" },
    });
    expect(orders.relations).toEqual([
      { type: "dependsOn", targetRef: "resource:default/orders-db" },
      { type: "ownedBy", targetRef: "group:default/team-a" },
    ]);
  });

  it("keeps only the asked fields, nested as in the entity", async () => {
    const res = await get("/entities?filter=kind=group&fields=kind,metadata.name");
    expect(res.body).toEqual([{ kind: "Group", metadata: { name: "team-a" } }]);
  });

  it("applies filters as Backstage does: AND within a filter, OR across filters, bare keys for presence", async () => {
    const names = async (query: string) =>
      ((await get(`/entities?${query}&fields=metadata.name`)).body as Array<{ metadata: { name: string } }>)
        .map((e) => e.metadata.name)
        .sort();
    expect(await names("filter=kind=component,spec.type=website")).toEqual(["svc-00", "svc-03", "svc-06", "svc-09"]);
    expect(await names("filter=kind=group&filter=kind=user")).toEqual(["ann", "team-a"]);
    expect(await names("filter=kind=user,relations.memberOf=group:default/team-a")).toEqual(["ann"]);
    expect(await names("filter=relations.ownedBy=group:default/team-a,metadata.name=orders")).toEqual(["orders"]);
    expect((await names("filter=metadata.annotations.backstage.io/techdocs-ref")).length).toBe(13);
    expect(await names("filter=kind=COMPONENT,metadata.name=ORDERS")).toEqual(["orders"]);
  });

  it("pages /entities with order, limit and offset", async () => {
    const res = await get(
      "/entities?filter=kind=component&order=desc:metadata.name&limit=3&offset=1&fields=metadata.name",
    );
    expect(res.body.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual([
      "svc-10",
      "svc-09",
      "svc-08",
    ]);
  });

  it("GET /entities/by-query pages with cursors: no gaps, no repeats, totalItems on every page", async () => {
    const first = await get("/entities/by-query?filter=kind=component&limit=5&orderField=metadata.name,asc");
    expect(first.status).toBe(200);
    const page = queryEntitiesResponse.parse(first.body);
    expect(page.totalItems).toBe(13);
    expect(page.pageInfo.prevCursor).toBeUndefined();
    const seen = page.items.map((e) => e.metadata.name);
    let next = page.pageInfo.nextCursor;
    let last = page;
    while (next) {
      last = queryEntitiesResponse.parse(
        (await get(`/entities/by-query?cursor=${encodeURIComponent(next)}&limit=5`)).body,
      );
      expect(last.totalItems).toBe(13);
      expect(last.pageInfo.prevCursor).toBeDefined();
      seen.push(...last.items.map((e) => e.metadata.name));
      next = last.pageInfo.nextCursor;
    }
    expect(seen).toEqual(["orders", ...Array.from({ length: 12 }, (_, i) => `svc-${String(i).padStart(2, "0")}`)]);
    const back = queryEntitiesResponse.parse(
      (await get(`/entities/by-query?cursor=${encodeURIComponent(last.pageInfo.prevCursor!)}&limit=5`)).body,
    );
    expect(back.items.map((e) => e.metadata.name)).toEqual(seen.slice(5, 10));
  });

  it("searches with fullTextFilterTerm in the fields named (Backstage's substring match)", async () => {
    const res = queryEntitiesResponse.parse(
      (await get("/entities/by-query?fullTextFilterTerm=ORDERS&fullTextFilterFields=metadata.name")).body,
    );
    expect(res.items.map((e) => e.metadata.name)).toEqual(["orders"]);
    expect(res.totalItems).toBe(1);
  });

  it("GET /entities/by-name answers one entity, or Backstage's NotFoundError", async () => {
    const res = await get("/entities/by-name/Component/default/orders");
    expect(backstageEntity.parse(res.body).metadata.name).toBe("orders");
    const missing = await get("/entities/by-name/component/default/nope");
    expect(missing.status).toBe(404);
    expect(errorResponse.parse(missing.body)).toEqual({
      error: {
        name: "NotFoundError",
        message: "No entity named 'nope' found, with kind 'component' in namespace 'default'",
      },
      request: { method: "GET", url: "/api/catalog/entities/by-name/component/default/nope" },
      response: { statusCode: 404 },
    });
    const byUid = await get(`/entities/by-uid/${res.body.metadata.uid}`);
    expect(byUid.body.metadata.name).toBe("orders");
  });

  it("POST /entities/by-refs answers in the asked order, null where there is none", async () => {
    const res = await rest.call("/entities/by-refs?fields=metadata.name", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        entityRefs: ["user:ann", "component:default/missing", "Component:default/ORDERS", "bad ref"],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [{ metadata: { name: "ann" } }, null, { metadata: { name: "orders" } }, null] });
    const full = await rest.call("/entities/by-refs", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ entityRefs: ["group:default/team-a"] }),
    });
    entitiesByRefsResponse.parse(full.body);
  });

  it("GET /entity-facets counts values per facet, for the filtered entities", async () => {
    const res = await get(
      "/entity-facets?facet=kind&facet=spec.type&facet=metadata.tags&facet=relations.ownedBy&facet=x.y&filter=kind=component",
    );
    const { facets } = facetsResponse.parse(res.body);
    expect(facets).toEqual({
      kind: [{ value: "Component", count: 13 }],
      "spec.type": [
        { value: "service", count: 9 },
        { value: "website", count: 4 },
      ],
      "metadata.tags": [{ value: "java", count: 13 }],
      "relations.ownedBy": [{ value: "group:default/team-a", count: 13 }],
      "x.y": [],
    });
    expect((await get("/entity-facets")).status).toBe(400);
  });

  it("answers unknown paths and methods like an API, not a page", async () => {
    const unknown = await get("/nope");
    expect(unknown.status).toBe(404);
    errorResponse.parse(unknown.body);
    expect(
      (await rest.call("/entities", { method: "POST", headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(405);
    const bad = await get("/entities/by-query?cursor=garbage");
    expect(bad.status).toBe(400);
    expect(bad.body.error.name).toBe("InputError");
    // A cursor is request input like any other: a forged query inside it is refused, not run.
    const forged = Buffer.from(
      JSON.stringify({ q: { filter: [{ kind: "x" }], orderField: [] }, p: { value: null, ref: "a", back: false } }),
    ).toString("base64url");
    expect((await get(`/entities/by-query?cursor=${forged}`)).status).toBe(400);
  });
});
