import type { Shape } from "../shape";
import type { KindSpec } from "./kind-definition";

// Template as the scaffolder validates it (scaffolder-common's Template.v1beta3 schema,
// applied in the catalog by ScaffolderEntitiesProcessor).

export const TEMPLATE_API_VERSION = "scaffolder.backstage.io/v1beta3";

const text: Shape = { type: "string", nonEmpty: true };
const anyText: Shape = { type: "string" };
const condition: Shape = { type: "string-or-boolean" };
const mapping: Shape = { type: "object" };

const permissions: Shape = {
  type: "object",
  properties: { tags: { type: "array", items: anyText } },
};

// A form page: JSON schema for the inputs, which Backstage leaves free apart from this key.
const parameterPage: Shape = {
  type: "object",
  properties: { "backstage:permissions": permissions },
};

const step: Shape = {
  type: "object",
  required: ["action"],
  properties: {
    id: anyText,
    name: anyText,
    action: anyText,
    input: mapping,
    if: condition,
    "backstage:permissions": permissions,
  },
};

const output: Shape = {
  type: "object",
  properties: {
    links: {
      type: "array",
      items: {
        type: "object",
        properties: { if: condition, url: text, entityRef: text, title: text, icon: text },
      },
    },
    text: {
      type: "array",
      items: {
        type: "object",
        properties: { if: condition, title: text, icon: text, content: anyText },
      },
    },
  },
  // Any other output is a templated string.
  additional: anyText,
};

export const TEMPLATE_KIND: KindSpec = {
  kind: "Template",
  apiVersions: [TEMPLATE_API_VERSION],
  spec: {
    type: "object",
    required: ["type", "steps"],
    properties: {
      type: text,
      owner: { type: "string", nonEmpty: true, hint: "an entity ref such as team-a or user:jdoe" },
      lifecycle: text,
      parameters: {
        type: "object-or-array",
        object: parameterPage,
        array: { type: "array", items: parameterPage },
      },
      secrets: { type: "object", properties: { schema: mapping } },
      presentation: {
        type: "object",
        properties: {
          buttonLabels: {
            type: "object",
            properties: { backButtonText: anyText, createButtonText: anyText, reviewButtonText: anyText },
          },
        },
      },
      EXPERIMENTAL_recovery: { type: "object", properties: { EXPERIMENTAL_strategy: anyText } },
      EXPERIMENTAL_formDecorators: {
        type: "array",
        items: { type: "object", properties: { id: anyText, input: mapping } },
      },
      steps: { type: "array", items: step, hint: "a list of steps, each with an action" },
      output,
    },
  },
};
