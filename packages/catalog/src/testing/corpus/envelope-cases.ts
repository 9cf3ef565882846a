import { MINIMAL } from "./bases";
import { type CorpusCase, type Doc, fromDoc, mutate, REMOVE } from "./corpus-case";

const API_VERSIONS: unknown[] = [
  "backstage.io/v1alpha1",
  "backstage.io/v1beta1",
  "backstage.io/v1",
  "backstage.io/v1alpha2",
  "backstage.io/v1beta3",
  "v1alpha1",
  "Backstage.io/v1alpha1",
  "backstage.io/v1/alpha",
  "backstage.io/",
  "/v1alpha1",
  "backstage.io/v1-alpha",
  "scaffolder.backstage.io/v1beta3",
  "example.com/v1",
  "",
  42,
  null,
  ["backstage.io/v1alpha1"],
];

const KIND_NAMES: unknown[] = [
  "component",
  "COMPONENT",
  "Components",
  "Service",
  "My-Kind",
  "MyKind",
  "K".repeat(64),
  "1Kind",
  "Api",
  "api",
  "Template",
  "Location",
  "",
  42,
  null,
  { kind: "Component" },
];

const ROOT_EXTRAS: Array<[string, unknown]> = [
  ["status", {}],
  ["status", { items: [] }],
  ["relations", []],
  ["relations", [{ type: "ownedBy", targetRef: "group:default/x" }]],
  ["Spec", {}],
  ["foo", "bar"],
  ["$schema", "https://backstage.io/schema.json"],
];

/** apiVersion, kind and the root fields of every kind. */
export function envelopeCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (name: string, doc: Doc) => cases.push(fromDoc("envelope", name, doc));
  for (const [kind, base] of Object.entries(MINIMAL)) {
    for (const apiVersion of API_VERSIONS)
      add(`${kind} apiVersion ${JSON.stringify(apiVersion)}`, mutate(base, ["apiVersion"], apiVersion));
    add(`${kind} without apiVersion`, mutate(base, ["apiVersion"], REMOVE));
    add(`${kind} without kind`, mutate(base, ["kind"], REMOVE));
    for (const [key, value] of ROOT_EXTRAS)
      add(`${kind} root ${key} = ${JSON.stringify(value)}`, mutate(base, [key], value));
  }
  for (const kind of KIND_NAMES)
    add(`Component spec with kind ${JSON.stringify(kind)}`, mutate(MINIMAL.Component!, ["kind"], kind));
  const unknown = { apiVersion: "example.com/v1", kind: "Pipeline", metadata: { name: "build" }, spec: { steps: 3 } };
  add("unknown kind with valid envelope", unknown);
  add("unknown kind without spec", mutate(unknown, ["spec"], REMOVE));
  add("unknown kind, bad name", mutate(unknown, ["metadata", "name"], "bad name"));
  add("unknown kind, core apiVersion", mutate(unknown, ["apiVersion"], "backstage.io/v1alpha1"));
  add("only an envelope", { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "x" } });
  add("empty mapping", {});
  return cases;
}
