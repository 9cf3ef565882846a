import { describe, it, expect, beforeAll } from "vitest";
import { CatalogClient } from "@backstage/catalog-client";
import { parseEntityRef, stringifyEntityRef, type Entity } from "@backstage/catalog-model";
import { component, docs, entityYaml, group, user } from "@stagedoor/catalog/testing";
import { importCatalog } from "@stagedoor/core";
import { createCatalogRestHandler } from "../index";
import { db, orgWithCatalog } from "../../testing/rest";

// Backstage's own client against our REST API: what existing Backstage tooling sends, and
// the answers Backstage's catalog backend (DefaultEntitiesCatalog, buildEntitySearch) gives
// for the same entities. Where Backstage's answer depends on its random uids (the order of
// ties, the default order), only what is fixed is asserted.

const CATALOG = docs(
  group("team-a"),
  group("platform"),
  user("ann", ["team-a"]),
  component("payments-api", { owner: "team-a" }, { title: "Payments API", tags: ["java", "payments"] }),
  component(
    "gateway",
    { owner: "group:team-a", lifecycle: "experimental" },
    { title: "Edge Gateway", description: "Routes pay traffic" },
  ),
  component("repay-service", { owner: "Group:default/Platform", lifecycle: "deprecated" }),
  component("orders", { owner: "platform" }, { title: "orders", tags: ["java", "orders"] }),
  component("billing", { owner: "team-a", lifecycle: "Production" }, { title: "Billing" }),
  entityYaml(
    "API",
    "pay-api",
    { type: "openapi", lifecycle: "production", owner: "team-a", definition: "x" },
    { title: "Payment API" },
  ),
);

const OTHER_ORG = docs(group("team-a"), component("payroll", {}, { title: "Payroll" }));

const handle = createCatalogRestHandler({ db: () => db, sessionUser: async () => null });
const catalog = new CatalogClient({
  discoveryApi: { getBaseUrl: async () => "http://localhost/api/catalog" },
  fetchApi: { fetch: (input, init) => handle(new Request(input as string, init)) },
});

let token: string;
let otherToken: string;
let other: Awaited<ReturnType<typeof orgWithCatalog>>;
beforeAll(async () => {
  const [mine, theirs] = await Promise.all([orgWithCatalog(CATALOG), orgWithCatalog(OTHER_ORG)]);
  [token, otherToken, other] = [mine.read, theirs.read, theirs];
});

const names = (items: Entity[]) => items.map((e) => e.metadata.name);
const byValue = (list: Array<{ value: string; count: number }>) =>
  [...list].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

describe("@backstage/catalog-client against the Backstage-compatible API", () => {
  it("queryEntities accepts a limit of 1000 and answers everything with its total", async () => {
    const page = await catalog.queryEntities({ limit: 1000 }, { token });
    expect(page.totalItems).toBe(9);
    expect(page.items).toHaveLength(9);
    expect(page.pageInfo.nextCursor).toBeUndefined();
    expect(page.pageInfo.prevCursor).toBeUndefined();
  });

  it("orders by any field's lowercase value, nulls last in both directions", async () => {
    const query = (order: "asc" | "desc") =>
      catalog.queryEntities(
        { filter: { kind: "component" }, orderFields: { field: "metadata.title", order }, limit: 100 },
        { token },
      );
    // "Billing" < "Edge Gateway" < "orders" < "Payments API" compared lowercase; repay-service has no title.
    expect(names((await query("asc")).items)).toEqual([
      "billing",
      "gateway",
      "orders",
      "payments-api",
      "repay-service",
    ]);
    expect(names((await query("desc")).items)).toEqual([
      "payments-api",
      "orders",
      "gateway",
      "billing",
      "repay-service",
    ]);
  });

  it("walks pages of an order on any field with Backstage's cursors, forward and back", async () => {
    const first = await catalog.queryEntities(
      { filter: { kind: "component" }, orderFields: [{ field: "metadata.title", order: "asc" }], limit: 2 },
      { token },
    );
    expect(names(first.items)).toEqual(["billing", "gateway"]);
    expect(first.totalItems).toBe(5);
    expect(first.pageInfo.prevCursor).toBeUndefined();
    const second = await catalog.queryEntities({ cursor: first.pageInfo.nextCursor!, limit: 2 }, { token });
    expect(names(second.items)).toEqual(["orders", "payments-api"]);
    const third = await catalog.queryEntities({ cursor: second.pageInfo.nextCursor!, limit: 2 }, { token });
    expect(names(third.items)).toEqual(["repay-service"]);
    expect(third.totalItems).toBe(5);
    expect(third.pageInfo.nextCursor).toBeUndefined();
    const back = await catalog.queryEntities({ cursor: third.pageInfo.prevCursor!, limit: 2 }, { token });
    expect(names(back.items)).toEqual(["orders", "payments-api"]);
    expect(back.pageInfo.nextCursor).toBeDefined();
    const start = await catalog.queryEntities({ cursor: back.pageInfo.prevCursor!, limit: 2 }, { token });
    expect(names(start.items)).toEqual(["billing", "gateway"]);
    expect(start.pageInfo.prevCursor).toBeUndefined();
  });

  it("orders by the first of several order fields, as Backstage does", async () => {
    const page = await catalog.queryEntities(
      {
        filter: { kind: "component" },
        orderFields: [
          { field: "spec.lifecycle", order: "asc" },
          { field: "metadata.name", order: "desc" },
        ],
        fields: ["metadata.name", "spec.lifecycle"],
      },
      { token },
    );
    expect(page.items.map((e) => String(e.spec?.lifecycle).toLowerCase())).toEqual([
      "deprecated",
      "experimental",
      "production",
      "production",
      "production",
    ]);
    expect(page.items[0]).toEqual({ metadata: { name: "repay-service" }, spec: { lifecycle: "deprecated" } });
  });

  it("searches full text only where Backstage does: the named fields, else the order field, else metadata.uid", async () => {
    const search = async (term: string, more: { fields?: string[]; order?: string } = {}) => {
      const page = await catalog.queryEntities(
        {
          fullTextFilter: { term, fields: more.fields },
          ...(more.order ? { orderFields: { field: more.order, order: "asc" as const } } : {}),
          limit: 100,
        },
        { token },
      );
      expect(page.totalItems).toBe(page.items.length);
      return names(page.items).sort();
    };
    // No fields and no order: Backstage searches metadata.uid only.
    expect(await search("pay")).toEqual([]);
    // A case-insensitive substring of the named field.
    expect(await search("PAY", { fields: ["metadata.name"] })).toEqual(["pay-api", "payments-api", "repay-service"]);
    // Without fields, the order field is searched.
    expect(await search("pay", { order: "metadata.title" })).toEqual(["pay-api", "payments-api"]);
    expect(await search("pay", { fields: ["metadata.description"] })).toEqual(["gateway"]);
    expect(await search("JAV", { fields: ["metadata.tags"] })).toEqual(["orders", "payments-api"]);
    expect(await search("platform", { fields: ["relations.ownedBy"] })).toEqual(["orders", "repay-service"]);
    expect(await search("pay", { fields: ["metadata.name", "metadata.title"] })).toEqual([
      "pay-api",
      "payments-api",
      "repay-service",
    ]);
  });

  it("answers facets with values as written", async () => {
    const { facets } = await catalog.getEntityFacets(
      {
        facets: ["kind", "spec.owner", "spec.lifecycle", "metadata.tags", "relations.ownedBy", "spec.nothing"],
        filter: { kind: "component" },
      },
      { token },
    );
    expect(facets.kind).toEqual([{ value: "Component", count: 5 }]);
    expect(byValue(facets["spec.owner"]!)).toEqual([
      { value: "Group:default/Platform", count: 1 },
      { value: "group:team-a", count: 1 },
      { value: "platform", count: 1 },
      { value: "team-a", count: 2 },
    ]);
    expect(byValue(facets["spec.lifecycle"]!)).toEqual([
      { value: "Production", count: 1 },
      { value: "deprecated", count: 1 },
      { value: "experimental", count: 1 },
      { value: "production", count: 2 },
    ]);
    expect(byValue(facets["metadata.tags"]!)).toEqual([
      { value: "java", count: 2 },
      { value: "orders", count: 1 },
      { value: "payments", count: 1 },
    ]);
    expect(byValue(facets["relations.ownedBy"]!)).toEqual([
      { value: "group:default/platform", count: 2 },
      { value: "group:default/team-a", count: 3 },
    ]);
    expect(facets["spec.nothing"]).toEqual([]);
  });

  it("spells relation targets as Backstage's stitcher does (stringifyEntityRef, lowercase)", async () => {
    const entity = await catalog.getEntityByRef("component:default/repay-service", { token });
    const ownedBy = entity!.relations!.find((r) => r.type === "ownedBy")!;
    expect(ownedBy.targetRef).toBe(stringifyEntityRef(parseEntityRef("Group:default/Platform")));
    expect(entity!.spec!.owner).toBe("Group:default/Platform");
  });

  it("getEntities orders by any field and getEntitiesByRefs keeps the asked order", async () => {
    const { items } = await catalog.getEntities(
      { filter: { kind: "component" }, order: { field: "metadata.title", order: "desc" }, fields: ["metadata.name"] },
      { token },
    );
    expect(names(items)).toEqual(["payments-api", "orders", "gateway", "billing", "repay-service"]);
    // Without an order, Backstage's /entities answers in entity ref order.
    const unordered = await catalog.getEntities({ filter: { kind: ["component", "api"] } }, { token });
    expect(unordered.items.map((e) => stringifyEntityRef(e))).toEqual([
      "api:default/pay-api",
      "component:default/billing",
      "component:default/gateway",
      "component:default/orders",
      "component:default/payments-api",
      "component:default/repay-service",
    ]);
    const refs = await catalog.getEntitiesByRefs(
      { entityRefs: ["component:default/orders", "component:default/payroll", "api:default/pay-api"] },
      { token },
    );
    expect(refs.items.map((e) => e?.metadata.name ?? null)).toEqual(["orders", null, "pay-api"]);
  });

  it("never answers another org's entities or values", async () => {
    const mine = await catalog.queryEntities(
      { fullTextFilter: { term: "pay", fields: ["metadata.name"] } },
      {
        token: otherToken,
      },
    );
    expect(names(mine.items)).toEqual(["payroll"]);
    const { facets } = await catalog.getEntityFacets({ facets: ["metadata.title"] }, { token: otherToken });
    expect(facets["metadata.title"]).toEqual([{ value: "Payroll", count: 1 }]);
    expect(await catalog.getEntityByRef("component:default/payments-api", { token: otherToken })).toBeUndefined();
  });

  it("answers facets for the catalog as it is now, after a change", async () => {
    const owners = async () =>
      byValue((await catalog.getEntityFacets({ facets: ["spec.owner"] }, { token: otherToken })).facets["spec.owner"]!);
    expect(await owners()).toEqual([{ value: "team-a", count: 1 }]);
    await importCatalog(other.tdb, null, {
      source: { type: "PUSH", key: "main" },
      files: [{ name: "catalog-info.yaml", content: docs(OTHER_ORG, component("payouts", { owner: "Team-A" })) }],
    });
    expect(await owners()).toEqual([
      { value: "Team-A", count: 1 },
      { value: "team-a", count: 1 },
    ]);
  });
});
