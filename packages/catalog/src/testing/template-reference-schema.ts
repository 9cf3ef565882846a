// Stand-in for the Template.v1beta3 JSON schema of @backstage/plugin-scaffolder-common,
// which is not installed here. It states the constraints of that schema (no prose) so the
// agreement test still runs Template documents through ajv via catalog-model's own
// entityKindSchemaValidator. backstage-reference.ts prefers the real package whenever it
// can be resolved; adding it as a devDependency makes this file unnecessary.

const str = { type: "string" };
const text = { type: "string", minLength: 1 };
const condition = { type: ["string", "boolean"] };
const permissions = { type: "object", properties: { tags: { type: "array", items: str } } };
const page = { type: "object", properties: { "backstage:permissions": permissions } };

export const templateReferenceSchema = {
  $schema: "http://json-schema.org/draft-07/schema",
  $id: "StagedoorTemplateV1beta3Reference",
  allOf: [
    { $ref: "Entity" },
    {
      type: "object",
      required: ["spec"],
      properties: {
        apiVersion: { enum: ["scaffolder.backstage.io/v1beta3"] },
        kind: { enum: ["Template"] },
        spec: {
          type: "object",
          required: ["type", "steps"],
          properties: {
            type: text,
            owner: text,
            lifecycle: text,
            parameters: { oneOf: [page, { type: "array", items: page }] },
            secrets: { type: "object", properties: { schema: { type: "object" } } },
            presentation: {
              type: "object",
              properties: {
                buttonLabels: {
                  type: "object",
                  properties: { backButtonText: str, createButtonText: str, reviewButtonText: str },
                },
              },
            },
            EXPERIMENTAL_recovery: { type: "object", properties: { EXPERIMENTAL_strategy: str } },
            EXPERIMENTAL_formDecorators: {
              type: "array",
              items: { type: "object", properties: { id: str, input: { type: "object" } } },
            },
            steps: {
              type: "array",
              items: {
                type: "object",
                required: ["action"],
                properties: {
                  id: str,
                  name: str,
                  action: str,
                  input: { type: "object" },
                  if: condition,
                  "backstage:permissions": permissions,
                },
              },
            },
            output: {
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
                  items: { type: "object", properties: { if: condition, title: text, icon: text, content: str } },
                },
              },
              additionalProperties: str,
            },
          },
        },
      },
    },
  ],
};
