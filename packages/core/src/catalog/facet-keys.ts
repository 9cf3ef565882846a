// The facets the catalog counts, apart from the queries that count them: the live query
// (entity-facets.ts) and the stored summary (facet-summary.ts) both need these types.
export const FACET_KEYS = ["kind", "namespace", "type", "lifecycle", "owner", "system", "tag"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type FacetCount = { value: string; count: number };
export type EntityFacets = Partial<Record<FacetKey, FacetCount[]>>;
