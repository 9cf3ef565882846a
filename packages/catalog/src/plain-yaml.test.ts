import { describe, expect, it } from "vitest";
import { generateOrg } from "../../../infra/bench/catalog-org";
import { parseCatalogFile } from "./parse-catalog-file";
import { readPlainYaml } from "./plain-yaml";
import { buildCorpus } from "./testing/corpus";
import { component, entityYaml } from "./testing/entity-yaml";
import { readYaml } from "./yaml-source";

// The fast reader may refuse anything, but whatever it returns must be exactly what the
// `yaml` library path gives: the same values and the same document start positions, and
// parseCatalogFile must give the same result with and without it.

type Outcome = "plain" | "library";

/** Checks one text against the library path; says which reader parseCatalogFile's YAML came from. */
function expectSameAsLibrary(text: string): Outcome {
  const options = { file: "catalog-info.yaml" };
  expect(parseCatalogFile(text, options), text).toStrictEqual(parseCatalogFile(text, options, "library-only"));
  const plain = readPlainYaml(text);
  if (!plain) return "library";
  const source = readYaml(text);
  expect(source.fileIssue, text).toBeUndefined();
  expect(source.documents.flatMap((d) => d.issues)).toStrictEqual([]);
  const library = source.documents.map(({ doc, value }) => {
    // An empty document has no content to position; it only counts in the numbering.
    if (value === null) return { value };
    const { line, col } = source.lineCounter.linePos(doc.contents?.range[0] ?? doc.range[0]);
    return { value, line, column: col };
  });
  expect(plain, text).toStrictEqual(library);
  return "plain";
}

function tally(texts: Iterable<string>): Record<Outcome, number> {
  const counts = { plain: 0, library: 0 };
  for (const text of texts) counts[expectSameAsLibrary(text)]++;
  return counts;
}

// Hand-written files covering each construct of the subset and the edges around it.
const FIXTURES = [
  component("orders", { dependsOn: ["component:payments", "resource:db"] }, { tags: ["java", "tier-1"] }),
  entityYaml("API", "orders-api", { type: "openapi", lifecycle: "production", owner: "team-a", definition: '"x: 1"' }),
  entityYaml("Group", "team-a", { type: "team", children: [] }, { annotations: { "github.com/team-slug": "acme/a" } }),
  "# leading comment\n---\napiVersion: backstage.io/v1alpha1 # trailing\nkind: Component\n",
  "a: 1\n---\n\n# between\nb: 2\n--- # marker comment\nc: 3\n",
  "a: 1\n---\n# empty\n---\nb: 2\n---\n",
  "---\n---\na: 1\n---",
  "a: |\n  x  \n\n  # not a comment\n  y\nb: |-\n  z\n\n\nc: >\n  p\n  q\n\n  r\nd: >-\n  s\n",
  "x:\n- a: 1\n  b: [1, 1.5, ~, true, 'q', \"r\"]\n- c:\n  - d\n  e:\n    f: 2\n-\n  g: 3\n-\n- |\n  h\n",
  "'quoted key': 'it''s'\n\"double\": \"a\\\"b\\\\c\\/d\\ne\\tf\"\nempty: ''\n'': x\nurl: http://x.y/z?q=1#frag\n",
  "a: 1\nb: 1.5\nc: .5\nd: 1e3\ne: +1\nf: 007\ng: 1.\nh: 1_0\ni: 2024-01-01\nj: 1.2.3\nk: yes\nl: Null\nm: tRUE\n",
  "a: b,c]\nb: [a:b:c, x y , z]\nconstructor: 1\ntoString: 2\nc: {}\nd: []\ne:\nf: é中😀\n",
  // Outside the subset: each must fall back to the library.
  "a: b\n c\n",
  "a: |\n  x\n   \n  y\n",
  "a: >\n  x\n   y\n",
  "---\n",
  "# only a comment\n---\n",
  "a: b\n...\n",
  "%YAML 1.2\n---\na: b\n",
  "a:\tb\n",
  "a: b\r\nc: d\r\n",
  "\ufeffa: b\n",
  "a: 1\na: 2\n",
  "__proto__: 1\n",
  "<<: {}\n",
  "true: 1\n1: a\nnull: a\n",
  "a: .inf\nb: 0x1F\nc: 0o7\nd: -0\ne: 9007199254740993\nf: 1e999\n",
  "a: &x 1\nb: *x\nc: !!str 2\n",
  'a: "\\u0041"\n',
  "a: 'x\n  y'\n",
  "a: [b, [c]]\n",
  "a: |+\n  x\n\n",
  "a: |\n\n  x\n",
  "? a\n: b\n",
  "- a\n- b\n",
  "plain text\n",
  "",
];

describe("readPlainYaml", { timeout: 60_000 }, () => {
  it("reads the constructs of its subset", () => {
    expect(readPlainYaml(FIXTURES[7]!)).toStrictEqual([
      { value: { a: "x  \n\n# not a comment\ny\n", b: "z", c: "p q\nr\n", d: "s" }, line: 1, column: 1 },
    ]);
    expect(readPlainYaml(FIXTURES[4]!)).toStrictEqual([
      { value: { a: 1 }, line: 1, column: 1 },
      { value: { b: 2 }, line: 5, column: 1 },
      { value: { c: 3 }, line: 7, column: 1 },
    ]);
    expect(readPlainYaml(FIXTURES[5]!)).toStrictEqual([
      { value: { a: 1 }, line: 1, column: 1 },
      { value: null },
      { value: { b: 2 }, line: 5, column: 1 },
      { value: null },
    ]);
  });

  it("agrees with the library on the fixtures, and refuses what is outside the subset", () => {
    const inside = FIXTURES.slice(0, 12);
    const outside = FIXTURES.slice(12);
    expect(inside.map(expectSameAsLibrary)).toStrictEqual(inside.map(() => "plain"));
    expect(outside.map(expectSameAsLibrary)).toStrictEqual(outside.map(() => "library"));
  });

  it("reads every generated benchmark file, as the library does", () => {
    const files = [...generateOrg(3000, 5, 40).files].map((f) => f.content);
    expect(tally(files)).toStrictEqual({ plain: files.length, library: 0 });
  });

  it("agrees with the library on the agreement corpus", () => {
    const corpus = buildCorpus().map((c) => c.yaml);
    const counts = tally(corpus);
    // Most corpus files are plain YAML; the rest (aliases, tags, hostile input) use the library.
    expect(counts.plain).toBeGreaterThan(corpus.length / 2);
    expect(counts.library).toBeGreaterThan(0);
  });

  it("agrees with the library on systematically mutated files", () => {
    const corpus = buildCorpus().map((c) => c.yaml);
    const seeds = [
      ...corpus.filter((_, i) => i % 16 === 0),
      ...[...generateOrg(40, 2, 4).files].map((f) => f.content),
      ...FIXTURES.slice(0, 12),
    ];
    const random = seededRandom(11);
    const mutants: string[] = [];
    for (const seed of seeds) for (let i = 0; i < 25; i++) mutants.push(mutate(seed, random));
    const counts = tally(mutants);
    // Both readers must be exercised for the comparison to mean anything.
    expect(counts.plain).toBeGreaterThan(mutants.length / 5);
    expect(counts.library).toBeGreaterThan(mutants.length / 5);
  });
});

// Fragments that change how YAML reads: indicators, quotes, comments, markers, numbers.
const FRAGMENTS = [
  ...[" ", "  ", "\n", "\n\n", "\n  ", "\n    ", "\t", "\r", "\u00a0", "é"],
  ...["#", " #", "\n#c\n", "---\n", "---", "...", "%", "a: b\n", "x:", "__proto__", "<<"],
  ...["'", "''", '"', "\\", "\\n", "\\x", ":", ": ", ":x", "- ", "-", "  -", "?", "@", "`"],
  ...["|", "|-", "|+", "|\n", ">", ">-", "[", "]", ",", "{", "}", "&a ", "*a", "!!str "],
  ...["~", "null", "true", "0x1", "-0", "1e3", ".5", "1.0", "007", "+1"],
];

function mutate(text: string, random: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (result.length + 1));
    const kind = random();
    if (kind < 0.6) {
      result = result.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] + result.slice(at);
    } else if (kind < 0.8) {
      result = result.slice(0, at) + result.slice(at + 1 + Math.floor(random() * 3));
    } else {
      // Re-indent one line by -2..+2 spaces.
      const lines = result.split("\n");
      const line = Math.floor(random() * lines.length);
      const shift = Math.floor(random() * 5) - 2;
      const current = lines[line] ?? "";
      lines[line] = shift >= 0 ? " ".repeat(shift) + current : current.replace(new RegExp(`^ {0,${-shift}}`), "");
      result = lines.join("\n");
    }
  }
  return result;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}
