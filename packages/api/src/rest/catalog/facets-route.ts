import { AppError, entityFacets, type FacetCount, type FacetKey } from "@stagedoor/core";
import type { Authenticated } from "./auth";
import { facetKey, parseFilters } from "./backstage-query";
import { json } from "./respond";

const MAX_FACETS = 20;

/** GET /entity-facets?facet=kind&facet=spec.type&filter=... → {facets: {[facet]: [{value, count}]}} */
export async function getEntityFacets({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const names = [...new Set(url.searchParams.getAll("facet").filter(Boolean))];
  if (names.length === 0) throw new AppError("BAD_REQUEST", "Name at least one facet, e.g. ?facet=kind.");
  if (names.length > MAX_FACETS) throw new AppError("BAD_REQUEST", `Ask for at most ${MAX_FACETS} facets at once.`);
  const keys = names.map(facetKey).filter((k): k is FacetKey => k !== undefined);
  const counts = await entityFacets(db, principal, { facets: keys, filter: parseFilters(url.searchParams) });
  const facets: Record<string, FacetCount[]> = {};
  for (const name of names) {
    const key = facetKey(name);
    facets[name] = key ? (counts[key] ?? []) : [];
  }
  return json({ facets });
}
