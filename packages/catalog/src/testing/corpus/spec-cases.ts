import { FULL, KINDS, MINIMAL } from "./bases";
import { type CorpusCase, type Doc, fromDoc, mutate, REMOVE } from "./corpus-case";

type SpecFields = { required: string[]; strings: string[]; lists: string[]; objects: string[] };

// Fields each kind's schema names, by type. Ref lists without a default kind need kinded refs.
const FIELDS: Record<string, SpecFields> = {
  Component: {
    required: ["type", "lifecycle", "owner"],
    strings: ["type", "lifecycle", "owner", "system", "subcomponentOf"],
    lists: ["providesApis", "consumesApis", "dependsOn"],
    objects: [],
  },
  API: {
    required: ["type", "lifecycle", "owner", "definition"],
    strings: ["type", "lifecycle", "owner", "system", "definition"],
    lists: [],
    objects: [],
  },
  Resource: { required: ["type", "owner"], strings: ["type", "owner", "system"], lists: ["dependsOn"], objects: [] },
  System: { required: ["owner"], strings: ["owner", "domain", "type"], lists: [], objects: [] },
  Domain: { required: ["owner"], strings: ["owner", "subdomainOf", "type"], lists: [], objects: [] },
  Group: {
    required: ["type", "children"],
    strings: ["type", "parent"],
    lists: ["children", "members"],
    objects: ["profile"],
  },
  User: { required: ["memberOf"], strings: [], lists: ["memberOf"], objects: ["profile"] },
  Location: { required: [], strings: ["type", "target"], lists: ["targets"], objects: [] },
  Template: { required: ["type", "steps"], strings: ["type", "owner", "lifecycle"], lists: [], objects: [] },
};

const STRING_VALUES: unknown[] = [42, 4.5, true, false, null, ["x"], { a: 1 }, "", " ", "Some Text", "x"];
const LIST_VALUES = (item: string): unknown[] => [
  item,
  42,
  true,
  null,
  {},
  [],
  [42],
  [""],
  [null],
  [[item]],
  [item, item],
  [{ a: 1 }],
  [item, "  "],
];
const OBJECT_VALUES: unknown[] = [
  "x",
  [],
  42,
  null,
  {},
  { displayName: 42 },
  { email: "" },
  { picture: [] },
  { displayName: "D", other: 1 },
  { email: null },
];

export function specCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const kind of KINDS) {
    const fields = FIELDS[kind]!;
    const base = MINIMAL[kind]!;
    const add = (name: string, doc: Doc) => cases.push(fromDoc("spec", `${kind} ${name}`, doc));
    add("minimal", base);
    add("full", FULL[kind]!);
    add("without spec", mutate(base, ["spec"], REMOVE));
    add("spec null", mutate(base, ["spec"], null));
    add("spec list", mutate(base, ["spec"], []));
    add("spec string", mutate(base, ["spec"], "type: service"));
    add("spec with unknown field", mutate(base, ["spec", "somethingElse"], { free: true }));
    for (const field of fields.required) {
      add(`without spec.${field}`, mutate(base, ["spec", field], REMOVE));
      add(`spec.${field} null`, mutate(base, ["spec", field], null));
    }
    for (const field of fields.strings) {
      for (const value of STRING_VALUES)
        add(`spec.${field} = ${JSON.stringify(value)}`, mutate(base, ["spec", field], value));
    }
    for (const field of fields.lists) {
      const item = field === "dependsOn" ? "resource:x" : "x";
      for (const value of LIST_VALUES(item))
        add(`spec.${field} = ${JSON.stringify(value)}`, mutate(base, ["spec", field], value));
    }
    for (const field of fields.objects) {
      for (const value of OBJECT_VALUES)
        add(`spec.${field} = ${JSON.stringify(value)}`, mutate(base, ["spec", field], value));
    }
  }
  const location = MINIMAL.Location!;
  for (const presence of ["required", "optional", "Required", "maybe", 42, null, ""]) {
    cases.push(
      fromDoc(
        "spec",
        `Location presence ${JSON.stringify(presence)}`,
        mutate(location, ["spec", "presence"], presence),
      ),
    );
  }
  return cases;
}
