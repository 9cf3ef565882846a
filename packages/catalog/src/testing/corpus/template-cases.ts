import { FULL, MINIMAL } from "./bases";
import { type CorpusCase, fromDoc, mutate, REMOVE } from "./corpus-case";

const step = { id: "s", action: "debug:log" };

// [path under spec, value, label]
const VARIANTS: Array<[Array<string | number>, unknown]> = [
  [["steps"], "debug:log"],
  [["steps"], {}],
  [["steps"], null],
  [["steps"], [step]],
  [["steps"], ["debug:log"]],
  [["steps"], [{}]],
  [["steps"], [{ id: "only-id" }]],
  [["steps"], [{ action: 42 }]],
  [["steps"], [{ action: "" }]],
  [["steps"], [{ action: "x", id: 42 }]],
  [["steps"], [{ action: "x", name: ["n"] }]],
  [["steps"], [{ action: "x", input: "url" }]],
  [["steps"], [{ action: "x", input: null }]],
  [["steps"], [{ action: "x", input: [] }]],
  [["steps"], [{ action: "x", if: true }]],
  [["steps"], [{ action: "x", if: "${{ parameters.ok }}" }]],
  [["steps"], [{ action: "x", if: 1 }]],
  [["steps"], [{ action: "x", if: null }]],
  [["steps"], [{ action: "x", "backstage:permissions": { tags: ["a"] } }]],
  [["steps"], [{ action: "x", "backstage:permissions": { tags: "a" } }]],
  [["steps"], [{ action: "x", "backstage:permissions": { tags: [1] } }]],
  [["steps"], [{ action: "x", "backstage:permissions": "all" }]],
  [["parameters"], { properties: { a: { type: "string" } } }],
  [["parameters"], [{ properties: {} }, { title: "Two" }]],
  [["parameters"], []],
  [["parameters"], "name"],
  [["parameters"], 42],
  [["parameters"], null],
  [["parameters"], ["page"]],
  [["parameters"], [{ title: "ok" }, null]],
  [["parameters"], { "backstage:permissions": { tags: ["t"] } }],
  [["parameters"], { "backstage:permissions": { tags: [true] } }],
  [["parameters"], { "backstage:permissions": [] }],
  [["parameters"], [{ "backstage:permissions": { tags: [""] } }]],
  [["parameters"], [{ "backstage:permissions": { tags: [null] } }]],
  [["output"], { url: "${{ steps.x.output.url }}" }],
  [["output"], { url: 42 }],
  [["output"], { nested: { a: "b" } }],
  [["output"], "done"],
  [["output"], []],
  [["output"], { links: [] }],
  [["output"], { links: [{}] }],
  [["output"], { links: [{ url: "" }] }],
  [["output"], { links: [{ url: "not a url but fine" }] }],
  [["output"], { links: [{ entityRef: 42 }] }],
  [["output"], { links: [{ title: "", url: "https://x" }] }],
  [["output"], { links: [{ icon: "i", if: 0 }] }],
  [["output"], { links: [{ if: "${{ x }}", url: "https://x" }] }],
  [["output"], { links: "https://x" }],
  [["output"], { links: ["https://x"] }],
  [["output"], { text: [{ content: "", title: "t" }] }],
  [["output"], { text: [{ content: 42 }] }],
  [["output"], { text: [{ title: "" }] }],
  [["output"], { text: [{ if: "no" }] }],
  [["output"], { text: [{ if: [] }] }],
  [["output"], { text: {} }],
  [["secrets"], { schema: { required: ["TOKEN"] } }],
  [["secrets"], { schema: "x" }],
  [["secrets"], "x"],
  [["secrets"], null],
  [["presentation"], { buttonLabels: { createButtonText: "Make it" } }],
  [["presentation"], { buttonLabels: { createButtonText: 1 } }],
  [["presentation"], { buttonLabels: "x" }],
  [["presentation"], "x"],
  [["EXPERIMENTAL_recovery"], { EXPERIMENTAL_strategy: "none" }],
  [["EXPERIMENTAL_recovery"], { EXPERIMENTAL_strategy: 1 }],
  [["EXPERIMENTAL_recovery"], []],
  [["EXPERIMENTAL_formDecorators"], [{ id: "x", input: {} }]],
  [["EXPERIMENTAL_formDecorators"], [{ id: 1 }]],
  [["EXPERIMENTAL_formDecorators"], [{ input: "x" }]],
  [["EXPERIMENTAL_formDecorators"], ["x"]],
  [["EXPERIMENTAL_formDecorators"], {}],
  [["owner"], "group:"],
  [["owner"], "user:default/jdoe"],
  [["owner"], ["team-a"]],
  [["owners"], ["team-a"]],
  [["lifecycle"], ["production"]],
];

export function templateCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const [base, label] of [
    [MINIMAL.Template!, "minimal"],
    [FULL.Template!, "full"],
  ] as const) {
    for (const [path, value] of VARIANTS) {
      const name = `Template(${label}) spec.${path.join(".")} = ${JSON.stringify(value)}`;
      cases.push(fromDoc("template", name, mutate(base, ["spec", ...path], value)));
    }
  }
  const full = FULL.Template!;
  cases.push(fromDoc("template", "Template full without steps", mutate(full, ["spec", "steps"], REMOVE)));
  cases.push(fromDoc("template", "Template full without type", mutate(full, ["spec", "type"], REMOVE)));
  for (const apiVersion of [
    "backstage.io/v1alpha1",
    "backstage.io/v1beta2",
    "scaffolder.backstage.io/v1beta2",
    "scaffolder.backstage.io/v1beta3",
  ]) {
    cases.push(
      fromDoc("template", `Template apiVersion ${apiVersion}`, mutate(MINIMAL.Template!, ["apiVersion"], apiVersion)),
    );
  }
  return cases;
}
