import { parseEntityRef as backstageParse } from "@backstage/catalog-model";
import { describe, expect, it } from "vitest";
import { InvalidEntityRefError, isSameEntityRef, normalizeEntityRef, parseEntityRef, stringifyEntityRef } from "./refs";

describe("parseEntityRef", () => {
  it("reads kind, namespace and name", () => {
    expect(parseEntityRef("component:shop/checkout")).toEqual({
      kind: "component",
      namespace: "shop",
      name: "checkout",
    });
  });

  it("fills in the default kind and namespace from the context", () => {
    expect(parseEntityRef("team-a", { defaultKind: "Group", defaultNamespace: "ops" })).toEqual({
      kind: "Group",
      namespace: "ops",
      name: "team-a",
    });
    expect(parseEntityRef("user:jdoe", { defaultKind: "Group" })).toEqual({
      kind: "user",
      namespace: "default",
      name: "jdoe",
    });
  });

  it("treats a colon after the first slash as part of the name", () => {
    expect(parseEntityRef("ns/a:b", { defaultKind: "Group" })).toEqual({ kind: "Group", namespace: "ns", name: "a:b" });
    expect(parseEntityRef("a:b/c/d")).toEqual({ kind: "a", namespace: "b", name: "c/d" });
  });

  it("accepts a compound ref object", () => {
    expect(parseEntityRef({ kind: "API", name: "orders" }, { defaultNamespace: "shop" })).toEqual({
      kind: "API",
      namespace: "shop",
      name: "orders",
    });
  });

  it.each(["", "group:", ":team", "group:/team", "ns/", "/team", "group:ns/"])("rejects %j", (ref) => {
    expect(() => parseEntityRef(ref, { defaultKind: "Group" })).toThrow(InvalidEntityRefError);
  });

  it("rejects a kindless ref when the field has no default kind", () => {
    expect(() => parseEntityRef("orders-db")).toThrow(/has no kind/);
  });

  it("agrees with Backstage's parseEntityRef", () => {
    const inputs = ["a", "k:a", "k:n/a", "n/a", "n/a:b", "k:n/a/b", "a:b:c", "k:", ":a", "n/", "/a", " x ", "K:N/A"];
    for (const input of inputs) {
      for (const context of [{}, { defaultKind: "Group", defaultNamespace: "ops" }]) {
        let expected: unknown;
        try {
          expected = backstageParse(input, context);
        } catch {
          expected = "throws";
        }
        let actual: unknown;
        try {
          actual = parseEntityRef(input, context);
        } catch {
          actual = "throws";
        }
        expect(actual, `${input} with ${JSON.stringify(context)}`).toEqual(expected);
      }
    }
  });
});

describe("stringifyEntityRef", () => {
  it("writes the lowercase storage form with the default namespace", () => {
    expect(stringifyEntityRef({ kind: "Component", name: "Checkout" })).toBe("component:default/checkout");
    expect(stringifyEntityRef({ kind: "API", namespace: "Shop", name: "Orders" })).toBe("api:shop/orders");
  });

  it("takes an entity", () => {
    expect(stringifyEntityRef({ kind: "Group", metadata: { name: "Team-A", namespace: "ops" } })).toBe(
      "group:ops/team-a",
    );
  });
});

describe("comparing refs", () => {
  it("is case-insensitive", () => {
    expect(isSameEntityRef("Component:Default/Orders", "component:orders")).toBe(true);
    expect(isSameEntityRef("group:a", "group:b")).toBe(false);
  });

  it("normalises with the field's defaults", () => {
    expect(normalizeEntityRef("Orders", { defaultKind: "API", defaultNamespace: "Shop" })).toBe("api:shop/orders");
  });
});
