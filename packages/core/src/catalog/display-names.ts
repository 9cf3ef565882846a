import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";
import { ENTITIES } from "./entity-rows";

export const MAX_DISPLAY_NAME_REFS = 200;

/**
 * How people call these entities (owners in lists, mostly): a Group's or User's
 * spec.profile.displayName, else the title. Refs with neither, or no entity, are left out:
 * the caller shows the ref's name.
 */
export async function displayNames(
  db: TenantDb,
  by: Principal,
  refs: readonly string[],
): Promise<Record<string, string>> {
  authorize(by, "catalog.read");
  return displayNamesOf(db, refs);
}

/** The same, for services that have authorized already. */
export async function displayNamesOf(db: TenantDb, refs: readonly string[]): Promise<Record<string, string>> {
  if (refs.length > MAX_DISPLAY_NAME_REFS)
    throw new AppError("BAD_REQUEST", `Ask for at most ${MAX_DISPLAY_NAME_REFS} refs at once.`);
  const wanted = [...new Set(refs.map((r) => r.toLowerCase()))];
  if (wanted.length === 0) return {};
  const rows = await db.sql.one<{ ref: string; name: string }>(Prisma.sql`
    SELECT e.ref, COALESCE(NULLIF(e.entity #>> '{spec,profile,displayName}', ''), e.title) AS name
    FROM ${ENTITIES} e WHERE e."orgId" = ${db.orgId} AND e.ref = ANY(${wanted}::text[])
      AND COALESCE(NULLIF(e.entity #>> '{spec,profile,displayName}', ''), e.title) IS NOT NULL`);
  return Object.fromEntries(rows.map((r) => [r.ref, r.name]));
}
