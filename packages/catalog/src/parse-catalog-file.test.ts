import { describe, expect, it } from "vitest";
import { parseCatalogFile } from "./parse-catalog-file";

const FILE = [
  "apiVersion: backstage.io/v1alpha1", // 1
  "kind: Group",
  "metadata:",
  "  name: team-a",
  "spec:",
  "  type: team",
  "  children: []",
  "---", // 8
  "apiVersion: backstage.io/v1alpha1",
  "kind: Component", // 10
  "metadata:",
  "  name: my service",
  "  labels:",
  '    "Bad Key!": x',
  "spec:", // 15
  "  type: service",
  "  lifecycle: production",
  '  providesApis: [orders, ""]',
  "",
].join("\n");

const parse = (text: string, file = "catalog-info.yaml") => parseCatalogFile(text, { file });

describe("parseCatalogFile error positions", () => {
  const result = parse(FILE);
  const errors = result.documents[1]?.errors ?? [];
  const at = (path: string) => errors.find((e) => e.path === path);

  it("names the file, the document, the line and column, the field and the rule", () => {
    expect(at("metadata.name")?.message).toBe(
      'catalog-info.yaml doc 2 line 12:9 metadata.name: "my service" is not a valid name: ' +
        "1-63 characters of [A-Za-z0-9-_.], starting and ending with a letter or digit",
    );
    expect(at("metadata.name")).toMatchObject({
      file: "catalog-info.yaml",
      document: 2,
      line: 12,
      column: 9,
      code: "invalid-format",
    });
  });

  it("points at the key when the key is at fault", () => {
    expect(at('metadata.labels["Bad Key!"]')).toMatchObject({ line: 14, column: 5 });
  });

  it("points at the parent key when a required field is missing", () => {
    expect(at("spec.owner")).toMatchObject({ line: 15, column: 1, code: "required" });
  });

  it("points into lists", () => {
    expect(at("spec.providesApis[1]")).toMatchObject({ line: 18, column: 26, code: "wrong-type" });
  });

  it("lists errors top to bottom and leaves the valid document alone", () => {
    expect(errors.map((e) => e.line)).toEqual([12, 14, 15, 18]);
    expect(result.documents[0]?.errors).toEqual([]);
    expect(result.documents[0]?.entity?.ref).toBe("group:default/team-a");
    expect(result.valid).toBe(false);
  });

  it("points at the document start when a top-level field is missing", () => {
    const missing = parse("---\nkind: Component\nmetadata:\n  name: x\nspec: {}\n");
    expect(missing.documents[0]?.errors.find((e) => e.path === "apiVersion")).toMatchObject({ line: 2, column: 1 });
  });

  it("points at unknown top-level keys", () => {
    const text = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: x\nspec: {}\nstatus: {}\n";
    expect(parse(text).documents[0]?.errors).toMatchObject([
      { path: "status", line: 6, column: 1, code: "unknown-field" },
    ]);
  });

  it("positions YAML syntax errors", () => {
    const text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  tags: [a, b\nspec: {}\n";
    const [error] = parse(text).documents[0]?.errors ?? [];
    expect(error).toMatchObject({ code: "yaml-syntax", document: 1, line: 6, column: 1 });
  });
});

describe("parseCatalogFile documents", () => {
  const component =
    "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Orders\nspec:\n  type: service\n  lifecycle: production\n  owner: Team-A\n  system: shop/commerce\n";

  it("numbers documents from 1, counting empty ones it skips", () => {
    const result = parse(`---\n---\n${component}---\n`);
    expect(result.documents.map((d) => d.document)).toEqual([2]);
    expect(result.documents[0]).toMatchObject({ line: 3, column: 1, errors: [] });
  });

  it("returns the normalised entity, its fields, hash and relations", () => {
    const [doc] = parse(component).documents;
    expect(doc?.entity?.ref).toBe("component:default/orders");
    expect(Object.keys(doc?.entity?.entity.metadata ?? {})).toEqual(["name", "namespace"]);
    expect(doc?.entity?.fields).toEqual({
      ref: "component:default/orders",
      kind: "Component",
      namespace: "default",
      name: "Orders",
      title: null,
      description: null,
      type: "service",
      lifecycle: "production",
      owner: "group:default/team-a",
      system: "system:shop/commerce",
      tags: [],
    });
    expect(doc?.entity?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc?.relations.map((r) => r.type)).toEqual(["ownedBy", "ownerOf", "partOf", "hasPart"]);
  });

  it("accepts bytes", () => {
    expect(parseCatalogFile(new TextEncoder().encode(component), { file: "x.yaml" }).valid).toBe(true);
  });

  it("marks the file rejected only for errors that make Backstage drop the whole file", () => {
    const entityError = parse(
      `${component}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec: {}\n`,
    );
    expect(entityError).toMatchObject({ valid: false, fileRejected: false });
    const envelopeError = parse(`${component}---\nkind: Component\nmetadata:\n  name: x\n`);
    expect(envelopeError).toMatchObject({ valid: false, fileRejected: true });
    expect(envelopeError.documents[1]?.blocksFile).toBe(true);
    expect(parse(`${component}---\n- a list\n`).fileRejected).toBe(true);
  });

  it("keeps the ref of an invalid entity so ingestion can keep its last good version", () => {
    const [doc] = parse(
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Orders\nspec: {}\n",
    ).documents;
    expect(doc?.ref).toBe("component:default/orders");
    expect(doc?.entity).toBeUndefined();
  });

  it("lists placeholders to resolve and does not report their content", () => {
    const text =
      "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: orders\nspec:\n  type: openapi\n" +
      "  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n";
    const [doc] = parse(text).documents;
    expect(doc?.errors).toEqual([]);
    expect(doc?.placeholders).toEqual([
      { path: "spec.definition", segments: ["spec", "definition"], resolver: "text", target: "./openapi.yaml" },
    ]);
  });

  it("rejects unknown kinds unless asked to accept them", () => {
    const text = "apiVersion: example.com/v1\nkind: Pipeline\nmetadata:\n  name: build\n";
    expect(parse(text).documents[0]?.errors[0]).toMatchObject({
      code: "unsupported-kind",
      path: "kind",
      line: 2,
      column: 7,
    });
    const accepted = parseCatalogFile(text, { file: "x.yaml", allowUnknownKinds: true });
    expect(accepted.documents[0]?.entity?.ref).toBe("pipeline:default/build");
  });
});
