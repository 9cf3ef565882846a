export type {
  CatalogFileInput,
  CatalogSourceType,
  DocumentOutcome,
  DocumentStatus,
  FileOutcome,
  ImportCatalogInput,
  SourceLocation,
  IngestionCounts,
  IngestionReport,
} from "./ingestion-types";
export { importCatalog, importCatalogSources, type IngestionTuning } from "./import-catalog";
export { importPastedCatalog, pasteSourceKey } from "./paste-source";
export { parseSourceFiles, MAX_FILES_PER_IMPORT } from "./parse-files";
export { listCatalogSources, assertValidSourceKey, DEFAULT_PUSH_SOURCE, type CatalogSourceSummary } from "./sources";
export { purgeOrphanedEntities, orgsWithExpiredOrphans, orphanCutoff } from "./purge-orphans";
export { searchQuery, type EntityFilter, type EntityQuery } from "./entity-filter";
export type { EntitySummary, EntityRelation, StoredEntity } from "./entity-rows";
export type { EntitySort, SortDirection } from "./keyset-cursor";
export {
  listEntities,
  listStoredEntities,
  MAX_PAGE_SIZE,
  type EntityPage,
  type ListEntitiesInput,
} from "./list-entities";
export {
  queryBackstageEntities,
  MAX_BACKSTAGE_QUERY_LIMIT,
  type BackstageOrder,
  type BackstagePosition,
  type BackstageQueryInput,
  type BackstageRow,
} from "./query-backstage-entities";
export { backstageFacets, MAX_BACKSTAGE_FACETS } from "./authored-facets";
export { fieldPath as backstageFieldPath } from "./backstage-fields";
export { entityFacets, FACET_KEYS, type EntityFacets, type FacetCount, type FacetKey } from "./entity-facets";
export { getEntity, getStoredEntities, parseRefInput, type EntityDetail, type RelationTarget } from "./get-entity";
export {
  getEntityGraph,
  MAX_GRAPH_HOPS,
  MAX_GRAPH_NODES,
  type EntityGraph,
  type GraphEdge,
  type GraphNode,
  type GraphOptions,
} from "./entity-graph";
export { getOwnership, MAX_OWNERSHIP_ITEMS, type Ownership } from "./ownership";
export { displayNames, MAX_DISPLAY_NAME_REFS } from "./display-names";
export { searchEntities, MAX_SEARCH_RESULTS, type SearchHit } from "./search-entities";
export { getRelatedEntities, MAX_RELATED_ENTITIES, type RelatedEntities, type RelatedEntity } from "./related-entities";
export { entityOrigin, parseBlobUrl, webUrl, type EntityOrigin } from "./source-links";
export {
  planUnregister,
  unregisterEntitySource,
  refreshEntitySource,
  UNREGISTER_LIST_LIMIT,
  type UnregisterPlan,
} from "./source-actions";
