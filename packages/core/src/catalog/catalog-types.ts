// Browser-safe types of the catalog read side (exported as @stagedoor/core/catalog-types).
export type { EntityFacets, FacetCount, FacetKey } from "./entity-facets";
export type { EntitySummary } from "./entity-rows";
export type { EntityDetail } from "./get-entity";
export type { EntityGraph, GraphNode, GraphEdge } from "./entity-graph";
export type { IngestionReport, FileOutcome, DocumentOutcome } from "./ingestion-types";
export type { RelatedEntities, RelatedEntity } from "./related-entities";
export type { EntityOrigin } from "./source-links";
export type { UnregisterPlan } from "./source-actions";
