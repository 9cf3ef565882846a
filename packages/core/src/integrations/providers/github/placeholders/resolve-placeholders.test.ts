import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PLACEHOLDER_LIMITS, resolvePlaceholders, type PlaceholderReader } from "./resolve-placeholders";

const BASE = "https://github.com/acme/payments/blob/main/catalog-info.yaml";
const file = (path: string) => `https://github.com/acme/payments/blob/main/${path}`;

function reader(files: Record<string, string>, log: string[][] = []): PlaceholderReader {
  return async (urls) => {
    log.push([...urls]);
    return urls.map((u) =>
      u in files ? { ok: true, text: files[u] as string } : { ok: false, message: "it does not exist." },
    );
  };
}

const api = (placeholder: string) => `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
  description:
    $text: ./docs/description.md
spec:
  type: openapi
  owner: team-a
  definition:
    ${placeholder}
  lifecycle: production
`;

describe("resolvePlaceholders", () => {
  it("resolves $text, $json and $yaml relative to the file, in one batch, keeping every line number", async () => {
    const log: string[][] = [];
    const source =
      api("$text: ./openapi.yaml") +
      `---
kind: Component
metadata:
  name: web
  annotations:
    settings: { $json: docs/../settings.json }
spec:
  extra:
    $yaml: config/extra.yaml
  owner: team-a
`;
    const out = await resolvePlaceholders(
      source,
      BASE,
      reader(
        {
          [file("docs/description.md")]: "Takes payments.\nSecond line.",
          [file("openapi.yaml")]: "openapi: 3.0.0\ninfo: { title: Payments, version: '1' }\npaths: {}\n",
          [file("settings.json")]: '{"a": [1, 2]}',
          [file("config/extra.yaml")]: "b: true\n",
        },
        log,
      ),
    );
    expect(out.problems).toEqual([]);
    expect(out.resolved).toBe(4);
    expect(log).toHaveLength(1);
    const [first, second] = out.content.split(/^---$/m).map((d) => parse(d));
    expect(first.metadata.description).toBe("Takes payments.\nSecond line.");
    expect(first.spec.definition).toContain("title: Payments");
    expect(first.spec.lifecycle).toBe("production");
    expect(second.metadata.annotations.settings).toEqual({ a: [1, 2] });
    expect(second.spec.extra).toEqual({ b: true });
    // Lines after a placeholder keep their numbers, so later errors still point at GitHub's line.
    const lines = out.content.split("\n");
    expect(lines.indexOf("  lifecycle: production")).toBe(source.split("\n").indexOf("  lifecycle: production"));
    expect(lines.length).toBe(source.split("\n").length);
  });

  it("reports unreadable or invalid targets on the placeholder's line and puts a note in their place", async () => {
    const source =
      api("$json: ./missing.json") +
      `---
kind: Component
metadata:
  name: broken
  description:
    $yaml: ./bad.yaml
  title:
    $text: [not, a, string]
`;
    const out = await resolvePlaceholders(
      source,
      BASE,
      reader({ [file("docs/description.md")]: "ok", [file("bad.yaml")]: "a: [unclosed" }),
    );
    expect(out.resolved).toBe(1);
    expect(out.problems).toEqual([
      {
        line: 8 + 3,
        column: 5,
        message: expect.stringMatching(/\$json placeholder .*missing\.json could not be read: it does not exist/),
      },
      { line: 18, column: 5, message: expect.stringMatching(/\$yaml placeholder .*bad\.yaml: is not valid YAML/) },
      { line: 20, column: 5, message: "The $text placeholder must be a string: a path or a URL." },
    ]);
    const docs = out.content.split("---\n").map((d) => parse(d));
    expect(docs[0].spec.definition).toBe("(unresolved $json placeholder: ./missing.json)");
    expect(docs[1].metadata.description).toBe("(unresolved $yaml placeholder: ./bad.yaml)");
    expect(docs[1].metadata.title).toEqual({ $text: ["not", "a", "string"] });
    expect(out.content.split("\n").length).toBe(source.split("\n").length);
  });

  it("bounds how many placeholders and how many bytes a file may pull in", async () => {
    const many = Array.from({ length: 3 }, (_, i) => `k${i}:\n  $text: ./f${i}.txt`).join("\n");
    const files = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [file(`f${i}.txt`), "x".repeat(40)]));
    const out = await resolvePlaceholders(many, BASE, reader(files), {
      ...PLACEHOLDER_LIMITS,
      maxPlaceholdersPerFile: 2,
      maxResolvedBytesPerFile: 50,
    });
    expect(out.resolved).toBe(1);
    expect(out.problems.map((p) => [p.line, p.message])).toEqual([
      [4, expect.stringContaining("may add at most 50 bytes")],
      [6, "Only the first 2 placeholders of a file are resolved."],
    ]);
  });

  it("bundles a multi-file OpenAPI definition with its sibling $ref files, bounded", async () => {
    const files = {
      [file("api/openapi.yaml")]: `openapi: 3.0.0
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "./schemas/pet.yaml" }
`,
      [file("api/schemas/pet.yaml")]: "type: object\nproperties:\n  owner: { $ref: './owner.json' }\n",
      [file("api/schemas/owner.json")]: '{"type": "string"}',
    };
    const out = await resolvePlaceholders(
      api("$text: ./api/openapi.yaml"),
      BASE,
      reader({ ...files, [file("docs/description.md")]: "d" }),
    );
    expect(out.problems).toEqual([]);
    const definition = parse(parse(out.content).spec.definition);
    const schema = definition.paths["/pets"].get.responses["200"].content["application/json"].schema;
    expect(schema).toEqual({ type: "object", properties: { owner: { type: "string" } } });

    const bounded = await resolvePlaceholders(
      api("$text: ./api/openapi.yaml"),
      BASE,
      reader({ ...files, [file("docs/description.md")]: "d" }),
      {
        ...PLACEHOLDER_LIMITS,
        maxBundleFiles: 1,
      },
    );
    expect(bounded.problems).toEqual([
      { line: 11, column: 5, message: expect.stringContaining("may reference at most 1 files") },
    ]);
  });
});
