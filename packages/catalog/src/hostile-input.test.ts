import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_DOCUMENTS_PER_FILE, MAX_ERRORS_PER_DOCUMENT, MAX_FILE_BYTES } from "./limits";
import { parseCatalogFile } from "./parse-catalog-file";

const parse = (input: string | Uint8Array) => parseCatalogFile(input, { file: "evil.yaml" });
const HEAD = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n";
const SPEC = "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";

/** Every error of a result, file-level and per document. */
const allErrors = (result: ReturnType<typeof parse>) => [
  ...result.errors,
  ...result.documents.flatMap((d) => d.errors),
];

describe("hostile input", () => {
  it("rejects an alias bomb instead of expanding it", () => {
    // Fully expanded this is 9^9 (about 387 million) strings.
    let text = `${HEAD}  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 9; i++)
      text += `  l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]\n`;
    const result = parse(text + SPEC);
    expect(allErrors(result)).toMatchObject([{ code: "alias-limit", document: 1, line: 6, column: 12 }]);
    expect(result.fileRejected).toBe(true);
    expect(allErrors(result)[0]?.message).toMatch(/alias bombs/);
  });

  it("allows ordinary aliases", () => {
    const text = `${HEAD}  team: &t team-a\nspec:\n  type: service\n  lifecycle: production\n  owner: *t\n`;
    expect(parse(text).valid).toBe(true);
  });

  it("stops at absurd nesting before building it, with its position", () => {
    const flow = parse(`${HEAD}  deep: ${"[".repeat(200_000)}${"]".repeat(200_000)}\n${SPEC}`);
    expect(flow.errors).toMatchObject([{ code: "too-deep", document: 1, line: 5 }]);
    const compact = parse(`${HEAD}  deep:\n    ${"- ".repeat(300_000)}x\n${SPEC}`);
    expect(compact.errors).toMatchObject([{ code: "too-deep", document: 1, line: 6 }]);
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and rejects one more`, () => {
    // The root mapping and metadata take two levels.
    const nested = (levels: number) => `${HEAD}  deep: ${"[".repeat(levels)}${"]".repeat(levels)}\n${SPEC}`;
    expect(parse(nested(MAX_DEPTH - 2)).valid).toBe(true);
    expect(allErrors(parse(nested(MAX_DEPTH - 1)))).toMatchObject([{ code: "too-deep" }]);
  });

  it("rejects oversize files, as text or bytes", () => {
    const text = `${HEAD}${SPEC}  blob: "${"x".repeat(MAX_FILE_BYTES)}"\n`;
    expect(parse(text).errors).toMatchObject([{ code: "file-too-large", document: 0 }]);
    expect(parse(new TextEncoder().encode(text)).errors[0]?.message).toMatch(
      /^evil\.yaml line 1:1 file is \d+ bytes: at most 1048576 bytes/,
    );
  });

  it("rejects bytes that are not UTF-8, saying where", () => {
    const bytes = new TextEncoder().encode(`${HEAD}  title: caf\u00e9 xx\n${SPEC}`);
    const at = bytes.indexOf(0xc3);
    bytes[at + 1] = 0x28; // a lead byte followed by something that cannot continue it
    const result = parse(bytes);
    expect(result.errors).toMatchObject([{ code: "invalid-utf8", line: 5, column: 13 }]);
    expect(result.fileRejected).toBe(true);
  });

  it("rejects a multi-byte character cut off at the end", () => {
    const bytes = new TextEncoder().encode(`${HEAD}${SPEC}# \u20ac`);
    expect(parse(bytes.subarray(0, bytes.length - 1)).errors).toMatchObject([
      { code: "invalid-utf8", line: 9, column: 3 },
    ]);
  });

  it("reads UTF-8 with a byte order mark", () => {
    const bytes = new TextEncoder().encode(`\ufeff${HEAD}  title: caf\u00e9\n${SPEC}`);
    expect(parse(bytes).documents[0]?.entity?.fields.title).toBe("caf\u00e9");
  });

  it("rejects duplicate keys with the position of the repeated key", () => {
    const result = parse(`${HEAD}${SPEC}  owner: team-b\n`);
    expect(allErrors(result)).toMatchObject([{ code: "duplicate-key", line: 9, column: 3 }]);
  });

  it("rejects too many documents", () => {
    const result = parse("---\n".repeat(MAX_DOCUMENTS_PER_FILE + 1));
    expect(result.errors).toMatchObject([{ code: "too-many-documents", document: 0 }]);
  });

  it("rejects documents that are not mappings", () => {
    for (const text of ["just text\n", "42\n", "- a\n- b\n", "true\n"]) {
      expect(allErrors(parse(text)), text).toMatchObject([{ code: "not-an-object", document: 1, line: 1, column: 1 }]);
    }
  });

  it("skips empty documents as Backstage does", () => {
    for (const text of ["", "---\n", "null\n", "~\n", "# comment\n", "---\n---\n"]) {
      expect(parse(text), JSON.stringify(text)).toMatchObject({ valid: true, documents: [], errors: [] });
    }
  });

  it("rejects __proto__ keys without polluting prototypes", () => {
    const result = parse(`${HEAD}  __proto__:\n    polluted: true\n${SPEC}`);
    expect(allErrors(result)).toMatchObject([
      { code: "forbidden-key", path: "metadata.__proto__", line: 5, column: 3 },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps the errors reported for one document", () => {
    const tags = Array.from({ length: 500 }, (_, i) => `    - Bad_${i}`).join("\n");
    const errors = allErrors(parse(`${HEAD}  tags:\n${tags}\n${SPEC}`));
    expect(errors).toHaveLength(MAX_ERRORS_PER_DOCUMENT + 1);
    expect(errors.at(-1)).toMatchObject({ code: "too-many-errors" });
  });
});
