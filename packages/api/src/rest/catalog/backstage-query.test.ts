import { describe, it, expect } from "vitest";
import { parseFields, parseFilter, parseFilters, parseFullText, parseOrder, parseOrderField } from "./backstage-query";
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

  it("reads fields, order fields and full-text fields", () => {
    expect(parseFields(["kind,metadata.name", "spec.type"])).toEqual([
      ["kind"],
      ["metadata", "name"],
      ["spec", "type"],
    ]);
    expect(parseFields([])).toBeUndefined();
    // Backstage's parseEntityOrderFieldParams: any field, asc or desc or nothing (asc).
    expect(parseOrderField("metadata.title,desc")).toEqual({ field: "metadata.title", order: "desc" });
    expect(parseOrderField("spec.lifecycle")).toEqual({ field: "spec.lifecycle", order: "asc" });
    expect(() => parseOrderField("metadata.name,DESC")).toThrow("Invalid order field order, must be asc or desc");
    expect(parseOrder("desc:metadata.name")).toEqual({ field: "metadata.name", order: "desc" });
    expect(parseOrder("spec.type")).toEqual({ field: "spec.type", order: "asc" });
    expect(
      parseFullText(
        new URLSearchParams("fullTextFilterTerm=%20pay%20&fullTextFilterFields=metadata.name,metadata.title"),
      ),
    ).toEqual({
      term: "pay",
      fields: ["metadata.name", "metadata.title"],
    });
    expect(parseFullText(new URLSearchParams("fullTextFilterTerm=pay"))).toEqual({ term: "pay" });
    expect(parseFullText(new URLSearchParams("fullTextFilterFields=metadata.name"))).toBeUndefined();
  });

  it("selects fields without ever touching a prototype", () => {
    const entity = { kind: "Component", metadata: { name: "a", tags: ["x"] } };
    expect(selectFields(entity, [["metadata", "name"], ["missing"], ["__proto__", "polluted"]])).toEqual({
      metadata: { name: "a" },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
