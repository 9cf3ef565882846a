import { describe, it, expect } from "vitest";
import { facetKey, parseFields, parseFilter, parseFilters, parseSort } from "./backstage-query";
import { selectFields } from "./entity-json";

describe("Backstage query parameters", () => {
  it("reads a filter: AND across keys, any-of for a repeated key, bare keys for presence", () => {
    expect(parseFilter("kind=component,spec.type=service,kind=API")).toEqual({
      kind: ["component", "API"],
      type: ["service"],
    });
    expect(parseFilter("metadata.annotations.backstage.io/techdocs-ref")).toEqual({
      field: [{ path: ["metadata", "annotations", "backstage.io/techdocs-ref"], values: null }],
    });
    expect(parseFilter("relations.OWNEDBY=group:a,relations.ownedBy=group:b")).toEqual({
      relation: [{ type: "ownedBy", targetRefs: ["group:a", "group:b"] }],
    });
    expect(parseFilter("spec.profile.email=a@b.c")).toEqual({
      field: [{ path: ["spec", "profile", "email"], values: ["a@b.c"] }],
    });
    expect(() => parseFilter("=x")).toThrow(/Invalid filter/);
    expect(parseFilters(new URLSearchParams("filter=kind=a&filter=kind=b&filter="))).toEqual([
      { kind: ["a"] },
      { kind: ["b"] },
    ]);
    expect(parseFilters(new URLSearchParams(""))).toBeUndefined();
  });

  it("reads fields, order fields and facets", () => {
    expect(parseFields(["kind,metadata.name", "spec.type"])).toEqual([
      ["kind"],
      ["metadata", "name"],
      ["spec", "type"],
    ]);
    expect(parseFields([])).toBeUndefined();
    expect(parseSort("metadata.name", "DESC")).toEqual({ sort: "name", direction: "desc" });
    expect(() => parseSort("spec.type", "asc")).toThrow(/Cannot order/);
    expect(facetKey("relations.ownedBy")).toBe("owner");
    expect(facetKey("spec.unknown")).toBeUndefined();
  });

  it("selects fields without ever touching a prototype", () => {
    const entity = { kind: "Component", metadata: { name: "a", tags: ["x"] } };
    expect(selectFields(entity, [["metadata", "name"], ["missing"], ["__proto__", "polluted"]])).toEqual({
      metadata: { name: "a" },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
