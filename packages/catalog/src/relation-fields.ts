import { TEMPLATE_API_VERSION } from "./kinds/template-kind";

export const RELATION_OWNED_BY = "ownedBy";
export const RELATION_OWNER_OF = "ownerOf";
export const RELATION_PROVIDES_API = "providesApi";
export const RELATION_API_PROVIDED_BY = "apiProvidedBy";
export const RELATION_CONSUMES_API = "consumesApi";
export const RELATION_API_CONSUMED_BY = "apiConsumedBy";
export const RELATION_DEPENDS_ON = "dependsOn";
export const RELATION_DEPENDENCY_OF = "dependencyOf";
export const RELATION_PARENT_OF = "parentOf";
export const RELATION_CHILD_OF = "childOf";
export const RELATION_MEMBER_OF = "memberOf";
export const RELATION_HAS_MEMBER = "hasMember";
export const RELATION_PART_OF = "partOf";
export const RELATION_HAS_PART = "hasPart";

/** Each relation and its reverse; every relation is stored in both directions. */
export const RELATION_PAIRS = [
  [RELATION_OWNED_BY, RELATION_OWNER_OF],
  [RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY],
  [RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY],
  [RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF],
  [RELATION_PARENT_OF, RELATION_CHILD_OF],
  [RELATION_MEMBER_OF, RELATION_HAS_MEMBER],
  [RELATION_PART_OF, RELATION_HAS_PART],
] as const;

export type RelationField = {
  /** Key under `spec`; its value is one ref or a list of refs. */
  field: string;
  /** Relation from this entity to the target, and the one stored back from the target. */
  forward: string;
  reverse: string;
  /** Kind assumed when the ref has none; undefined means the ref must name its kind. */
  defaultKind?: string;
};

const owner: RelationField = {
  field: "owner",
  forward: RELATION_OWNED_BY,
  reverse: RELATION_OWNER_OF,
  defaultKind: "Group",
};
const system: RelationField = {
  field: "system",
  forward: RELATION_PART_OF,
  reverse: RELATION_HAS_PART,
  defaultKind: "System",
};
const dependsOn: RelationField = { field: "dependsOn", forward: RELATION_DEPENDS_ON, reverse: RELATION_DEPENDENCY_OF };
// Not in any schema, but read by Backstage's processor all the same.
const dependencyOf: RelationField = {
  field: "dependencyOf",
  forward: RELATION_DEPENDENCY_OF,
  reverse: RELATION_DEPENDS_ON,
};

// Which spec fields become relations, per kind, as BuiltinKindsEntityProcessor (and the
// scaffolder's processor for Template) emits them. Namespaces default to the entity's own.
const BY_KIND: Readonly<Record<string, readonly RelationField[]>> = {
  Component: [
    owner,
    { field: "subcomponentOf", forward: RELATION_PART_OF, reverse: RELATION_HAS_PART, defaultKind: "Component" },
    { field: "providesApis", forward: RELATION_PROVIDES_API, reverse: RELATION_API_PROVIDED_BY, defaultKind: "API" },
    { field: "consumesApis", forward: RELATION_CONSUMES_API, reverse: RELATION_API_CONSUMED_BY, defaultKind: "API" },
    dependsOn,
    dependencyOf,
    system,
  ],
  API: [owner, system],
  Resource: [owner, dependsOn, dependencyOf, system],
  User: [{ field: "memberOf", forward: RELATION_MEMBER_OF, reverse: RELATION_HAS_MEMBER, defaultKind: "Group" }],
  Group: [
    { field: "parent", forward: RELATION_CHILD_OF, reverse: RELATION_PARENT_OF, defaultKind: "Group" },
    { field: "children", forward: RELATION_PARENT_OF, reverse: RELATION_CHILD_OF, defaultKind: "Group" },
    { field: "members", forward: RELATION_HAS_MEMBER, reverse: RELATION_MEMBER_OF, defaultKind: "User" },
  ],
  System: [owner, { field: "domain", forward: RELATION_PART_OF, reverse: RELATION_HAS_PART, defaultKind: "Domain" }],
  Domain: [
    owner,
    { field: "subdomainOf", forward: RELATION_PART_OF, reverse: RELATION_HAS_PART, defaultKind: "Domain" },
  ],
};

/**
 * The relation fields of an entity. Built-in kinds are matched on kind alone, as
 * Backstage's processor does; Template also needs its scaffolder apiVersion.
 */
export function relationFieldsFor(kind: string, apiVersion: string): readonly RelationField[] {
  if (kind === "Template") return apiVersion === TEMPLATE_API_VERSION ? [owner] : [];
  return Object.hasOwn(BY_KIND, kind) ? (BY_KIND[kind] ?? []) : [];
}
