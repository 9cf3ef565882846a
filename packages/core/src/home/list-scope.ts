import { RELATION_OWNED_BY } from "@stagedoor/catalog";
import type { TenantDb } from "@stagedoor/db";
import type { UserPrincipal } from "../authz";
import type { EntityFilter, EntityQuery } from "../catalog/entity-filter";
import { memberIdentity } from "./member-identity";
import { starredRefs } from "./stars";

/** The catalog list's first choice, as in Backstage: what I own, what I starred, or everything. */
export const LIST_SCOPES = ["owned", "starred", "all"] as const;
export type ListScope = (typeof LIST_SCOPES)[number];

/**
 * Narrows a list query to the member's scope. Owned means owned by their catalog User or
 * one of its groups (nothing when no User matches them); added as its own condition, so
 * an owner facet the member picked still narrows further.
 */
export async function scopeQuery<Q extends EntityQuery>(
  db: TenantDb,
  by: UserPrincipal,
  query: Q & { filter?: EntityFilter },
  scope: ListScope,
): Promise<Q> {
  if (scope === "all") return query;
  const filter: EntityFilter = { ...(query.filter ?? {}) };
  if (scope === "owned") {
    const { owners } = await memberIdentity(db, by);
    filter.relation = [...(filter.relation ?? []), { type: RELATION_OWNED_BY, targetRefs: owners }];
  } else {
    filter.ref = await starredRefs(db, by);
  }
  return { ...query, filter };
}
