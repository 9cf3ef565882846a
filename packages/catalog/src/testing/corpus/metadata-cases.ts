import { KINDS, MINIMAL } from "./bases";
import { type CorpusCase, type Doc, fromDoc, mutate, REMOVE } from "./corpus-case";

const a = (n: number) => "a".repeat(n);

const NAMES: unknown[] = [
  "a",
  "A",
  "1",
  "_",
  "-",
  a(63),
  a(64),
  `${a(62)}-`,
  `x${a(61)}z`,
  "-a",
  "a-",
  ".a",
  "a.",
  "_a",
  "a_",
  "a--b",
  "a..b",
  "a__b",
  "a.b-c_d",
  "My.Service_v2",
  "a b",
  "ä",
  "名前",
  "a/b",
  "a:b",
  "a@b",
  "a\tb",
  "",
  42,
  1.5,
  true,
  null,
  ["a"],
  { a: 1 },
];

const NAMESPACES: unknown[] = [
  "default",
  "Default",
  "my-ns",
  "my--ns",
  "my_ns",
  "ns.x",
  "1ns",
  "ns1",
  a(63),
  a(64),
  "-ns",
  "ns-",
  "",
  42,
  null,
  "ÄÖ",
  ["default"],
];

const KEYS: string[] = [
  "team",
  "Team_Name.v2",
  "example.com/team",
  "a.b.c.example.com/x",
  "Example.com/team",
  "example.com/",
  "/team",
  "a/b/c",
  a(63),
  a(64),
  `${"x".repeat(63)}.${"y".repeat(63)}.${"z".repeat(63)}.${"w".repeat(61)}/k`,
  `${"x".repeat(63)}.${"y".repeat(63)}.${"z".repeat(63)}.${"w".repeat(62)}/k`,
  `${a(64)}.com/k`,
  "example..com/team",
  "-example.com/team",
  "example-.com/team",
  "ex--ample.com/t",
  "example.com/-team",
  "example.com/team-",
  "team name",
  "team!",
  "",
  "ä/k",
  "1.2.3/x",
];

const LABEL_VALUES: unknown[] = [
  "",
  "v",
  "V1.0",
  "a-b_c.d",
  a(63),
  a(64),
  "bad value",
  "-v",
  "v-",
  "ü",
  42,
  true,
  null,
  ["x"],
  {},
];

const ANNOTATION_VALUES: unknown[] = ["any text ✓ with spaces", "", "https://x.y/z?q=1", 42, false, null, [], {}];

const WHOLE_MAPS: unknown[] = [null, false, 0, "", "x", 42, true, [], ["a"], {}];

const TAGS: unknown[] = [
  "java",
  "Java",
  "c++",
  "c#",
  "node:20",
  "a-b",
  "a--b",
  "-a",
  "a-",
  "a_b",
  "a b",
  "a.b",
  "",
  "x".repeat(63),
  "x".repeat(64),
  "ü",
  42,
  null,
  ["x"],
];

const LINKS: unknown[] = [
  { url: "https://x.example.com" },
  { url: "https://exa mple.com" },
  { url: "http://[::1]:8080/x" },
  { url: "javascript:alert(1)" },
  { url: "file:///etc/hosts" },
  { url: "https://" },
  { url: "urn:isbn:0451450523" },
  { url: "mailto:ops@example.com" },
  { url: "x" },
  { url: "/relative/path" },
  { url: "" },
  { url: 42 },
  { url: null },
  { title: "no url" },
  { url: "https://a", title: " " },
  { url: "https://a", title: "" },
  { url: "https://a", title: 42 },
  { url: "https://a", icon: " " },
  { url: "https://a", icon: "" },
  { url: "https://a", icon: "docs" },
  { url: "https://a", type: "" },
  { url: "https://a", type: " " },
  { url: "https://a", type: "runbook" },
  { url: "https://a", other: 1 },
  "https://a",
  null,
];

export function metadataCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const component = MINIMAL.Component!;
  const add = (name: string, doc: Doc, family = "metadata") => cases.push(fromDoc(family, name, doc));
  for (const kind of KINDS) {
    for (const name of NAMES)
      add(`${kind} name ${JSON.stringify(name)}`, mutate(MINIMAL[kind]!, ["metadata", "name"], name), "names");
  }
  for (const namespace of NAMESPACES)
    add(`namespace ${JSON.stringify(namespace)}`, mutate(component, ["metadata", "namespace"], namespace));
  for (const field of ["labels", "annotations"] as const) {
    for (const key of KEYS)
      add(`${field} key ${JSON.stringify(key)}`, mutate(component, ["metadata", field], { [key]: "v" }));
    for (const map of WHOLE_MAPS) add(`${field} = ${JSON.stringify(map)}`, mutate(component, ["metadata", field], map));
  }
  for (const value of LABEL_VALUES)
    add(`label value ${JSON.stringify(value)}`, mutate(component, ["metadata", "labels"], { team: value }));
  for (const value of ANNOTATION_VALUES)
    add(`annotation value ${JSON.stringify(value)}`, mutate(component, ["metadata", "annotations"], { "x/y": value }));
  for (const tag of TAGS) add(`tag ${JSON.stringify(tag)}`, mutate(component, ["metadata", "tags"], ["ok", tag]));
  for (const tags of ["java", {}, null, [], 42])
    add(`tags = ${JSON.stringify(tags)}`, mutate(component, ["metadata", "tags"], tags));
  for (const link of LINKS) add(`link ${JSON.stringify(link)}`, mutate(component, ["metadata", "links"], [link]));
  for (const links of ["https://a", {}, null, []])
    add(`links = ${JSON.stringify(links)}`, mutate(component, ["metadata", "links"], links));
  const scalars: Array<[string, unknown[]]> = [
    ["title", ["", " ", "Title", 42, null, [], {}]],
    ["description", ["", "text", 42, null, true, []]],
    ["uid", ["", "e01199ab", 42, null]],
    ["etag", ["", "abc==", 42]],
    ["custom", [null, 42, "x", { deep: [{ a: null }] }]],
  ];
  for (const [field, values] of scalars) {
    for (const value of values)
      add(`metadata.${field} = ${JSON.stringify(value)}`, mutate(component, ["metadata", field], value));
  }
  add("metadata without name", mutate(component, ["metadata", "name"], REMOVE));
  add("metadata = null", mutate(component, ["metadata"], null));
  add("metadata = list", mutate(component, ["metadata"], [{ name: "x" }]));
  add("metadata = string", mutate(component, ["metadata"], "orders"));
  add("without metadata", mutate(component, ["metadata"], REMOVE));
  return cases;
}
