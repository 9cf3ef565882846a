import { describe, expect, it } from "vitest";
import { RELATION_PAIRS } from "./relation-fields";
import { deriveRelations } from "./relations";
import type { Relation } from "./types";

const entity = (
  kind: string,
  spec: Record<string, unknown>,
  namespace?: string,
  apiVersion = "backstage.io/v1alpha1",
) => ({
  apiVersion,
  kind,
  metadata: { name: "self", ...(namespace ? { namespace } : {}) },
  spec,
});

const lines = (relations: Relation[]) => relations.map((r) => `${r.type} ${r.sourceRef} ${r.targetRef}`);

// [kind, spec field, value, forward, reverse, target]
const FIELDS: Array<[string, string, unknown, string, string, string]> = [
  ["Component", "owner", "team-a", "ownedBy", "ownerOf", "group:default/team-a"],
  ["Component", "system", "commerce", "partOf", "hasPart", "system:default/commerce"],
  ["Component", "subcomponentOf", "shop", "partOf", "hasPart", "component:default/shop"],
  ["Component", "providesApis", ["orders"], "providesApi", "apiProvidedBy", "api:default/orders"],
  ["Component", "consumesApis", ["orders"], "consumesApi", "apiConsumedBy", "api:default/orders"],
  ["Component", "dependsOn", ["resource:db"], "dependsOn", "dependencyOf", "resource:default/db"],
  ["Component", "dependencyOf", "component:web", "dependencyOf", "dependsOn", "component:default/web"],
  ["API", "owner", "user:jdoe", "ownedBy", "ownerOf", "user:default/jdoe"],
  ["API", "system", "commerce", "partOf", "hasPart", "system:default/commerce"],
  ["Resource", "owner", "team-a", "ownedBy", "ownerOf", "group:default/team-a"],
  ["Resource", "dependsOn", ["resource:key"], "dependsOn", "dependencyOf", "resource:default/key"],
  ["Resource", "dependencyOf", ["component:app"], "dependencyOf", "dependsOn", "component:default/app"],
  ["Resource", "system", "commerce", "partOf", "hasPart", "system:default/commerce"],
  ["System", "owner", "team-a", "ownedBy", "ownerOf", "group:default/team-a"],
  ["System", "domain", "retail", "partOf", "hasPart", "domain:default/retail"],
  ["Domain", "owner", "team-a", "ownedBy", "ownerOf", "group:default/team-a"],
  ["Domain", "subdomainOf", "retail", "partOf", "hasPart", "domain:default/retail"],
  ["Group", "parent", "engineering", "childOf", "parentOf", "group:default/engineering"],
  ["Group", "children", ["team-b"], "parentOf", "childOf", "group:default/team-b"],
  ["Group", "members", ["jdoe"], "hasMember", "memberOf", "user:default/jdoe"],
  ["User", "memberOf", ["team-a"], "memberOf", "hasMember", "group:default/team-a"],
];

describe("deriveRelations", () => {
  it.each(FIELDS)("%s spec.%s gives %s and its reverse", (kind, field, value, forward, reverse, target) => {
    const self = `${kind.toLowerCase()}:default/self`;
    expect(lines(deriveRelations(entity(kind, { [field]: value })))).toEqual([
      `${forward} ${self} ${target}`,
      `${reverse} ${target} ${self}`,
    ]);
  });

  it("covers every relation pair in both directions", () => {
    const seen = new Set(FIELDS.flatMap(([, , , forward, reverse]) => [forward, reverse]));
    for (const [forward, reverse] of RELATION_PAIRS) {
      expect(seen.has(forward) && seen.has(reverse), `${forward}/${reverse}`).toBe(true);
    }
  });

  it("gives Template owners an ownership relation", () => {
    const template = entity("Template", { owner: "team-a" }, undefined, "scaffolder.backstage.io/v1beta3");
    expect(lines(deriveRelations(template))).toEqual([
      "ownedBy template:default/self group:default/team-a",
      "ownerOf group:default/team-a template:default/self",
    ]);
  });

  it("defaults the target namespace to the entity's own, keeping explicit ones", () => {
    const relations = deriveRelations(entity("Component", { owner: "team-a", providesApis: ["shared/orders"] }, "ops"));
    expect(lines(relations)).toEqual([
      "ownedBy component:ops/self group:ops/team-a",
      "ownerOf group:ops/team-a component:ops/self",
      "providesApi component:ops/self api:shared/orders",
      "apiProvidedBy api:shared/orders component:ops/self",
    ]);
  });

  it("stores refs lowercase and drops duplicates that differ only in case or spelling", () => {
    const relations = deriveRelations(
      entity("Component", { providesApis: ["Orders", "api:orders", "API:default/ORDERS"] }),
    );
    expect(lines(relations)).toEqual([
      "providesApi component:default/self api:default/orders",
      "apiProvidedBy api:default/orders component:default/self",
    ]);
  });

  it("skips refs that cannot be parsed, which validation reports instead", () => {
    expect(deriveRelations(entity("Component", { dependsOn: ["db"], owner: "group:" }))).toEqual([]);
  });

  it("gives no relations for kinds without relation fields", () => {
    expect(deriveRelations(entity("Location", { owner: "team-a", target: "./x.yaml" }))).toEqual([]);
  });
});
