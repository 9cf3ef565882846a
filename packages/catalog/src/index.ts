export type {
  CatalogDocument,
  CatalogError,
  CatalogFileResult,
  Entity,
  EntityFields,
  EntityIssue,
  EntityLink,
  EntityMetadata,
  IssueCode,
  JsonObject,
  JsonValue,
  NormalizedEntity,
  PathSegment,
  Placeholder,
  Relation,
} from "./types";
export { catalogError, describeProblem, type ErrorParts } from "./catalog-error";
export { parseCatalogFile, type ParseCatalogOptions, type YamlReading } from "./parse-catalog-file";
export { validateEntity, type ValidateOptions } from "./validate-entity";
export { normalizeEntity, canonicalEntity, entityFields } from "./normalize";
export { entityHash, canonicalJson } from "./canonical-json";
export { deriveRelations } from "./relations";
export {
  DEFAULT_NAMESPACE,
  InvalidEntityRefError,
  isSameEntityRef,
  normalizeEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  type CompoundEntityRef,
  type EntityRefContext,
  type EntityRefInput,
} from "./refs";
export {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PAIRS,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  relationFieldsFor,
  type RelationField,
} from "./relation-fields";
export { KNOWN_KIND_NAMES } from "./kinds/kind-spec";
export { CORE_API_VERSIONS } from "./kinds/core-kinds";
export { TEMPLATE_API_VERSION } from "./kinds/template-kind";
export { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_DOCUMENTS_PER_FILE, MAX_ERRORS_PER_DOCUMENT, MAX_FILE_BYTES } from "./limits";
