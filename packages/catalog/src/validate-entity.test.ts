import { describe, expect, it } from "vitest";
import { validateEntity } from "./validate-entity";

const component = (overrides: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name: "orders" },
  spec: { type: "service", lifecycle: "production", owner: "team-a", ...spec },
  ...overrides,
});

const messages = (value: unknown) => validateEntity(value).map((i) => `${i.path}: ${i.problem}: ${i.rule}`);

describe("validateEntity", () => {
  it("accepts a valid entity", () => {
    expect(validateEntity(component())).toEqual([]);
  });

  it("reports every problem in one pass", () => {
    const value = component({ metadata: { name: "-orders", tags: ["Java"] } }, { owner: 42, lifecycle: undefined });
    delete (value.spec as Record<string, unknown>).lifecycle;
    expect(validateEntity(value).map((i) => [i.path, i.code])).toEqual([
      ["metadata.name", "invalid-format"],
      ["metadata.tags[0]", "invalid-format"],
      ["spec.lifecycle", "required"],
      ["spec.owner", "wrong-type"],
    ]);
  });

  it("explains kinds Backstage would not recognise", () => {
    expect(messages(component({ kind: "component" }))).toEqual([
      'kind: "component" is not a known kind: kinds are case-sensitive: write Component',
    ]);
    expect(messages(component({ apiVersion: "backstage.io/v2" }))).toEqual([
      'apiVersion: "backstage.io/v2" is not an apiVersion of kind Component: use backstage.io/v1alpha1 or backstage.io/v1beta1',
    ]);
    expect(messages(component({ kind: "Service" }))[0]).toMatch(
      /^kind: "Service" is not a kind this catalog knows: one of Component, API/,
    );
  });

  it("accepts unknown kinds when asked, still checking the envelope and metadata", () => {
    const pipeline = { apiVersion: "example.com/v1", kind: "Pipeline", metadata: { name: "build" } };
    expect(validateEntity(pipeline, { allowUnknownKinds: true })).toEqual([]);
    const bad = { ...pipeline, metadata: { name: "build", namespace: "Ops" } };
    expect(validateEntity(bad, { allowUnknownKinds: true }).map((i) => i.path)).toEqual(["metadata.namespace"]);
  });

  it("requires kinded refs where the field has no default kind", () => {
    expect(messages(component({}, { dependsOn: ["orders-db"] }))).toEqual([
      'spec.dependsOn[0]: "orders-db" has no kind, and there is no default kind to assume: ' +
        "[<kind>:][<namespace>/]<name>, with no empty part; this field needs the kind, e.g. component:orders-db",
    ]);
  });

  it("treats a falsy annotations value as absent, as Backstage does", () => {
    expect(validateEntity(component({ metadata: { name: "x", annotations: null } }))).toEqual([]);
    expect(validateEntity(component({ metadata: { name: "x", annotations: "x" } })).map((i) => i.code)).toEqual([
      "wrong-type",
    ]);
  });

  it("lets a $text placeholder stand for a string, and only a string", () => {
    const placeholder = { $text: "./README.md" };
    expect(validateEntity(component({ metadata: { name: "x", description: placeholder } }))).toEqual([]);
    expect(validateEntity(component({ metadata: { name: "x", labels: placeholder } })).map((i) => i.path)).toEqual([
      "metadata.labels",
    ]);
    expect(validateEntity(component({ metadata: { name: placeholder } })).map((i) => i.path)).toEqual([
      "metadata.name",
    ]);
    expect(messages(component({}, { definition: { $text: 42 } }))).toEqual([
      "spec.definition: $text is given 42: $text takes a URL or a path relative to this file, as a string",
    ]);
  });

  it("marks relations and status as catalog-owned", () => {
    expect(messages(component({ relations: [] }))).toEqual([
      "relations: relations is filled in by the catalog and cannot be written in a descriptor: " +
        "only apiVersion, kind, metadata and spec are allowed at the top level",
    ]);
  });

  it("rejects values that are not entities", () => {
    for (const value of [null, "x", 42, [component()]]) {
      expect(validateEntity(value).map((i) => i.code)).toEqual(["not-an-object"]);
    }
  });
});
