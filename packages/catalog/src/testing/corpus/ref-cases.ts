import { FULL, MINIMAL } from "./bases";
import { type CorpusCase, type Doc, fromDoc, mutate } from "./corpus-case";

const OWNERS: string[] = [
  "team-a",
  "group:team-a",
  "user:jdoe",
  "group:ns/team",
  "ns/team",
  "Group:Default/Team-A",
  "component:x",
  "group:",
  ":team",
  "group:/team",
  "ns/",
  "/team",
  "a:b:c",
  "ns/a:b",
  "a/b/c",
  " team ",
  "group:ns/",
  "x:y/z",
];

// Untyped in every schema, so any value reaches Backstage's ref parser.
const DEPENDENCY_OF: unknown[] = [
  "component:x",
  ["component:x"],
  "x",
  ["x"],
  42,
  true,
  false,
  0,
  "",
  [],
  [""],
  [null],
  [0],
  { kind: "Component", name: "x" },
  { name: "x" },
  { kind: "Component", name: "x", namespace: "" },
  { kind: "Component", name: "x", namespace: null },
  { kind: "Component", name: "x", namespace: "other" },
  [["component:x"]],
  { kind: 5, name: "x" },
  [{ kind: "Resource", name: "db" }, "component:y"],
  { kind: "", name: "x" },
];

const KINDLESS_LISTS: unknown[][] = [["resource:db"], ["db"], ["ns/db"], ["component:ns/x"], ["resource:"], [":db"]];

/** Relation fields: default kinds, namespaces, and refs Backstage's parser rejects. */
export function refCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (name: string, doc: Doc) => cases.push(fromDoc("refs", name, doc));
  const component = MINIMAL.Component!;
  for (const owner of OWNERS) {
    add(`Component owner ${JSON.stringify(owner)}`, mutate(component, ["spec", "owner"], owner));
    add(`Template owner ${JSON.stringify(owner)}`, mutate(MINIMAL.Template!, ["spec", "owner"], owner));
  }
  for (const value of DEPENDENCY_OF) {
    add(`Component dependencyOf ${JSON.stringify(value)}`, mutate(component, ["spec", "dependencyOf"], value));
    add(`Resource dependencyOf ${JSON.stringify(value)}`, mutate(MINIMAL.Resource!, ["spec", "dependencyOf"], value));
  }
  add("API dependencyOf is not a relation field", mutate(MINIMAL.API!, ["spec", "dependencyOf"], 42));
  for (const list of KINDLESS_LISTS) {
    add(`Component dependsOn ${JSON.stringify(list)}`, mutate(component, ["spec", "dependsOn"], list));
    add(`Resource dependsOn ${JSON.stringify(list)}`, mutate(MINIMAL.Resource!, ["spec", "dependsOn"], list));
  }
  const singles: Array<[string, string, string[]]> = [
    ["Component", "system", ["commerce", "system:x/y", ":x", "x/"]],
    ["Component", "subcomponentOf", ["parent", "component:", "ns/parent"]],
    ["API", "system", ["commerce", "/x"]],
    ["System", "domain", ["retail", "domain:", "a/b"]],
    ["Domain", "subdomainOf", ["retail", "domain:ns/", ":"]],
    ["Group", "parent", ["engineering", "group:", "ns/eng"]],
  ];
  for (const [kind, field, values] of singles) {
    for (const value of values)
      add(`${kind} ${field} ${JSON.stringify(value)}`, mutate(MINIMAL[kind]!, ["spec", field], value));
  }
  const lists: Array<[string, string, string[][]]> = [
    ["Component", "providesApis", [["orders"], ["api:"], ["api:ns/orders", "ns/other"]]],
    ["Component", "consumesApis", [["orders"], [":orders"]]],
    ["Group", "children", [["a", "group:ns/b"], ["group:"]]],
    ["Group", "members", [["jdoe"], ["user:"], ["ns/"]]],
    ["User", "memberOf", [["team-a", "group:ops/oncall"], ["group:/x"]]],
  ];
  for (const [kind, field, values] of lists) {
    for (const value of values)
      add(`${kind} ${field} ${JSON.stringify(value)}`, mutate(MINIMAL[kind]!, ["spec", field], value));
  }
  // Namespace defaulting: refs without a namespace take the entity's own.
  for (const kind of ["Component", "Group", "User", "Resource", "System", "Domain", "API"]) {
    add(`${kind} full in namespace ops`, mutate(FULL[kind]!, ["metadata", "namespace"], "ops"));
  }
  return cases;
}
