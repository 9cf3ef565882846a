import { SCIM_MAX_PAGE_SIZE } from "../limits";
import { SCHEMA } from "./resources";

/** RFC 7643 §5: what this server supports, so identity providers can adapt. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/stagedoor/stagedoor/blob/main/docs/scim.md",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: SCIM_MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "OAuth Bearer Token",
        description: "The organization's SCIM token (Settings → SCIM provisioning), as Authorization: Bearer.",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

const attr = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});

const SCHEMAS = [
  {
    id: SCHEMA.user,
    name: "User",
    description: "User Account",
    attributes: [
      attr("userName", "string", { required: true, uniqueness: "server" }),
      attr("externalId", "string", { caseExact: true }),
      attr("displayName", "string"),
      attr("name", "complex", {
        subAttributes: ["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"].map(
          (n) => attr(n, "string"),
        ),
      }),
      attr("emails", "complex", {
        multiValued: true,
        subAttributes: [attr("value", "string"), attr("type", "string"), attr("primary", "boolean")],
      }),
      attr("active", "boolean"),
      attr("groups", "complex", {
        multiValued: true,
        mutability: "readOnly",
        subAttributes: [attr("value", "string"), attr("display", "string"), attr("$ref", "reference")],
      }),
    ],
  },
  {
    id: SCHEMA.group,
    name: "Group",
    description: "Group",
    attributes: [
      attr("displayName", "string", { required: true, uniqueness: "server" }),
      attr("externalId", "string", { caseExact: true }),
      attr("members", "complex", {
        multiValued: true,
        subAttributes: [attr("value", "string", { mutability: "immutable" }), attr("display", "string")],
      }),
    ],
  },
];

export function scimSchemas(baseUrl: string) {
  return SCHEMAS.map((s) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...s,
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${s.id}` },
  }));
}

export function scimResourceTypes(baseUrl: string) {
  return [
    { id: "User", name: "User", endpoint: "/Users", schema: SCHEMA.user },
    { id: "Group", name: "Group", endpoint: "/Groups", schema: SCHEMA.group },
  ].map((r) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    ...r,
    description: r.name,
    meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/${r.id}` },
  }));
}
