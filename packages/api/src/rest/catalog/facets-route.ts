import { AppError, backstageFacets, MAX_BACKSTAGE_FACETS } from "@stagedoor/core";
import type { Authenticated } from "./auth";
import { parseFilters } from "./backstage-query";
import { json } from "./respond";

/**
 * GET /entity-facets?facet=kind&facet=spec.owner&filter=... → {facets: {[facet]: [{value, count}]}},
 * values as written in the entities, for any field, as Backstage answers.
 */
export async function getEntityFacets({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const names = [...new Set(url.searchParams.getAll("facet").filter(Boolean))];
  if (names.length === 0) throw new AppError("BAD_REQUEST", "Name at least one facet, e.g. ?facet=kind.");
  if (names.length > MAX_BACKSTAGE_FACETS) {
    throw new AppError("BAD_REQUEST", `Ask for at most ${MAX_BACKSTAGE_FACETS} facets at once.`);
  }
  const facets = await backstageFacets(db, principal, { facets: names, filter: parseFilters(url.searchParams) });
  return json({ facets });
}
