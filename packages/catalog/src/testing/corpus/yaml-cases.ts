import { MINIMAL } from "./bases";
import { type CorpusCase, fromYaml, toYaml } from "./corpus-case";

const HEAD = "apiVersion: backstage.io/v1alpha1\nkind: Component\n";
const SPEC = "spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n";
const component = (metadata: string, spec = SPEC) => `${HEAD}metadata:\n${metadata}${spec}`;

function aliasBomb(): string {
  let text = `${HEAD}metadata:\n  name: bomb\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 9; i++)
    text += `  l${i}: &l${i} [${Array(9)
      .fill(`*l${i - 1}`)
      .join(", ")}]\n`;
  return text + SPEC;
}

const RAW: Array<[string, string]> = [
  ["flow sequence not closed", `${HEAD}metadata:\n  name: x\n  tags: [a, b\n${SPEC}`],
  ["nested compact mapping", `${HEAD}metadata: name: x\n${SPEC}`],
  ["tab indentation", `${HEAD}metadata:\n\tname: x\n${SPEC}`],
  ["unterminated quote", `${HEAD}metadata:\n  name: "x\n${SPEC}`],
  ["duplicate top-level key", `${HEAD}kind: API\nmetadata:\n  name: x\n${SPEC}`],
  ["duplicate nested key", component("  name: x\n", `${SPEC}  owner: team-b\n`)],
  ["document is a string", "just some text\n"],
  ["document is a number", "42\n"],
  ["document is a list", "- apiVersion: backstage.io/v1alpha1\n  kind: Component\n"],
  ["document is a boolean", "true\n"],
  ["empty file", ""],
  ["only a separator", "---\n"],
  ["explicit null", "null\n"],
  ["tilde", "~\n"],
  ["only a comment", "# nothing here\n"],
  ["document end marker", `${component("  name: x\n")}...\n`],
  [
    "alias reused for owner",
    component("  name: x\n  team: &t team-a\n", "spec:\n  type: service\n  lifecycle: production\n  owner: *t\n"),
  ],
  ["alias bomb", aliasBomb()],
  ["unresolved alias", component("  name: x\n", "spec:\n  type: service\n  lifecycle: production\n  owner: *nope\n")],
  [
    "merge key in spec",
    component("  name: x\n  defaults: &d {type: service, lifecycle: production, owner: team-a}\n", "spec:\n  <<: *d\n"),
  ],
  ["merge key plus fields", component("  name: x\n  defaults: &d {extra: 1}\n", `${SPEC}  <<: *d\n`)],
  [
    "merge key at root",
    `base: &b {kind: Component}\n<<: *b\napiVersion: backstage.io/v1alpha1\nmetadata:\n  name: x\n${SPEC}`,
  ],
  [
    "YAML 1.1 yes",
    `%YAML 1.1\n---\n${HEAD}metadata:\n  name: x\nspec:\n  type: service\n  lifecycle: yes\n  owner: team-a\n`,
  ],
  ["YAML 1.1 date name", `%YAML 1.1\n---\n${HEAD}metadata:\n  name: 2001-12-14\n${SPEC}`],
  [
    "YAML 1.2 yes is a string",
    `${HEAD}metadata:\n  name: x\nspec:\n  type: service\n  lifecycle: yes\n  owner: team-a\n`,
  ],
  ["binary in spec", `${component("  name: x\n")}  blob: !!binary aGVsbG8=\n`],
  ["binary labels", component("  name: x\n  labels: !!binary aGVsbG8=\n")],
  ["custom tag", component("  name: x\n  title: !shout Hello\n")],
  ["quoted numeric name", component('  name: "123"\n')],
  ["numeric name", component("  name: 123\n")],
  ["float name", component("  name: 1e3\n")],
  ["hex name", component("  name: 0x1F\n")],
  ["yes name", component("  name: yes\n")],
  ["nan name", component("  name: .nan\n")],
  ["nan annotations", component("  name: x\n  annotations: .nan\n")],
  ["inf annotations", component("  name: x\n  annotations: .inf\n")],
  ["empty annotations value", component("  name: x\n  annotations:\n")],
  ["empty labels value", component("  name: x\n  labels:\n")],
  ["byte order mark", `\uFEFF${component("  name: x\n")}`],
  ["CRLF line endings", component("  name: x\n").replaceAll("\n", "\r\n")],
  ["long description", component(`  name: x\n  description: ${"word ".repeat(20000).trim()}\n`)],
  ["multi-line description", component("  name: x\n  description: |\n    line one\n    line two\n")],
  [
    "flow style entity",
    "{apiVersion: backstage.io/v1alpha1, kind: Group, metadata: {name: g}, spec: {type: team, children: []}}\n",
  ],
  ["JSON entity", JSON.stringify(MINIMAL.User)],
  ["complex key in spec", `${component("  name: x\n")}  ? [a, b]\n  : c\n`],
  ["null key in metadata", component("  name: x\n  ~: value\n")],
];

const PLACEHOLDERS: Array<[string, string, unknown]> = [
  ["API", "spec.definition", { $text: "./openapi.yaml" }],
  ["API", "spec.definition", { $text: "https://example.com/openapi.yaml" }],
  ["API", "spec.definition", { $text: "" }],
  ["API", "spec.definition", { $text: 42 }],
  ["API", "spec.definition", { $text: ["./a.yaml"] }],
  ["API", "spec.definition", { $text: null }],
  ["API", "spec.definition", { $file: "./openapi.yaml" }],
  ["API", "spec.definition", { $text: "./a", $json: "./b" }],
  ["API", "spec.definition", { $text: "./a", other: "b" }],
  ["API", "metadata.description", { $text: "./README.md" }],
  ["API", "metadata.title", { $text: "./TITLE" }],
  ["API", "metadata.name", { $text: "./NAME" }],
  ["API", "metadata.custom", { $json: "./meta.json" }],
  ["API", "spec.custom", { $yaml: "./more.yaml" }],
  ["API", "spec.custom", { $json: 1 }],
  ["API", "metadata.labels", { $text: "./labels" }],
  ["API", "metadata.annotations", { $text: "./annotations" }],
  ["API", "metadata.annotations", { "x/y": { $text: "./value" } }],
  ["API", "metadata.annotations", { "x/y": "v", $ref: "#/x" }],
  ["API", "metadata.tags", ["ok", { $text: "./tag" }]],
  ["API", "spec.owner", { $text: "./OWNERS" }],
  ["Component", "spec.providesApis", ["a", { $text: "./api" }]],
  ["Template", "spec.parameters", { $yaml: "./parameters.yaml" }],
  ["Template", "spec.parameters", [{ $json: "./page.json" }, { title: "two" }]],
  [
    "Template",
    "spec.parameters",
    { properties: { a: { $ref: "#/definitions/a" } }, definitions: { a: { type: "string" } } },
  ],
  ["Template", "spec.output", { links: [{ title: { $text: "./t" } }] }],
];

function withValue(kind: string, path: string, value: unknown): string {
  const doc = structuredClone(MINIMAL[kind]!) as Record<string, Record<string, unknown>>;
  const [head, tail] = path.split(".") as [string, string];
  doc[head] = { ...doc[head], [tail]: value };
  return toYaml(doc);
}

/** Hand-written YAML (syntax, document shapes, aliases, tags) and placeholders. */
export function yamlCases(): CorpusCase[] {
  return [
    ...RAW.map(([name, yaml]) => fromYaml("yaml", name, yaml)),
    ...PLACEHOLDERS.map(([kind, path, value]) =>
      fromYaml("placeholders", `${kind} ${path} = ${JSON.stringify(value)}`, withValue(kind, path, value)),
    ),
  ];
}

/** Files of several documents, to check numbering and per-document verdicts. */
export function multiDocumentCases(): CorpusCase[] {
  const docs = [MINIMAL.Component, { ...MINIMAL.API, spec: {} }, MINIMAL.Group].map((d) => toYaml(d));
  return [
    fromYaml("multi", "three documents, middle invalid", docs.join("---\n")),
    fromYaml("multi", "leading and trailing separators", `---\n${docs.join("---\n")}---\n`),
    fromYaml("multi", "empty document in the middle", `${docs[0]}---\n---\n${docs[2]}`),
    fromYaml("multi", "syntax error in document 2", `${docs[0]}---\nkind: [x\n---\n${docs[2]}`),
    fromYaml("multi", "list document between entities", `${docs[0]}---\n- a\n---\n${docs[2]}`),
  ];
}
