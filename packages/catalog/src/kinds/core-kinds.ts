import type { Shape } from "../shape";
import type { KindSpec } from "./kind-definition";

// The spec rules of Backstage's built-in kinds, from the JSON schemas that ship in
// @backstage/catalog-model (kinds/*.v1alpha1.schema.json), the ones its
// BuiltinKindsEntityProcessor validates with. Fields a schema does not list are free.

export const CORE_API_VERSIONS = ["backstage.io/v1alpha1", "backstage.io/v1beta1"] as const;

const text: Shape = { type: "string", nonEmpty: true };
const ref = (example: string): Shape => ({
  type: "string",
  nonEmpty: true,
  hint: `an entity ref such as ${example}`,
});
const refs = (example: string): Shape => ({
  type: "array",
  items: ref(example),
  hint: `a list of entity refs such as [${example}]`,
});
const owner = ref("team-a or user:jdoe");
const profile: Shape = {
  type: "object",
  properties: { displayName: text, email: text, picture: text },
};

const core = (kind: string, spec: Shape): KindSpec => ({
  kind,
  apiVersions: CORE_API_VERSIONS,
  spec,
});

export const CORE_KINDS: readonly KindSpec[] = [
  core("Component", {
    type: "object",
    required: ["type", "lifecycle", "owner"],
    properties: {
      type: text,
      lifecycle: text,
      owner,
      system: ref("system:payments"),
      subcomponentOf: ref("component:checkout"),
      providesApis: refs("api:orders"),
      consumesApis: refs("api:orders"),
      dependsOn: refs("resource:orders-db"),
    },
  }),
  core("API", {
    type: "object",
    required: ["type", "lifecycle", "owner", "definition"],
    properties: { type: text, lifecycle: text, owner, system: ref("system:payments"), definition: text },
  }),
  core("Resource", {
    type: "object",
    required: ["type", "owner"],
    properties: { type: text, owner, dependsOn: refs("resource:orders-db"), system: ref("system:payments") },
  }),
  core("System", {
    type: "object",
    required: ["owner"],
    properties: { owner, domain: ref("domain:commerce"), type: text },
  }),
  core("Domain", {
    type: "object",
    required: ["owner"],
    properties: { owner, subdomainOf: ref("domain:commerce"), type: text },
  }),
  core("Group", {
    type: "object",
    required: ["type", "children"],
    properties: {
      type: text,
      profile,
      parent: ref("group:engineering"),
      children: refs("group:team-a"),
      members: refs("user:jdoe"),
    },
  }),
  core("User", {
    type: "object",
    required: ["memberOf"],
    properties: { profile, memberOf: refs("group:team-a") },
  }),
  core("Location", {
    type: "object",
    properties: {
      type: text,
      target: text,
      targets: { type: "array", items: text },
      presence: { type: "string", oneOf: ["required", "optional"] },
    },
  }),
];
