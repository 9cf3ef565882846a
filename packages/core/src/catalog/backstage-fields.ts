import { Prisma } from "@stagedoor/db";

// Backstage's catalog answers ordering, full-text search and facets from its `search`
// table: one row per leaf of the entity (keys lowercase; array items one row each), with
// `value` lowercased (null when longer than 200 characters) and `original_value` as
// written. These are the same readings of a field straight from our rows: the lowercase
// columns where we keep one (they have indexes), the stored entity otherwise.

/** Backstage drops search values longer than this (buildEntitySearch's MAX_VALUE_LENGTH). */
const MAX_VALUE_LENGTH = 200;

// Keys whose lowercase value is a column (kept lowercase by ingestion, indexed).
const LOWER_COLUMNS: Record<string, string> = {
  kind: "kind",
  "metadata.namespace": "namespace",
  "metadata.name": "name",
};

/** A field key as a path into the entity. Annotation and label keys contain dots: one key each. */
export function fieldPath(key: string): string[] {
  for (const prefix of ["metadata.annotations.", "metadata.labels."]) {
    if (key.toLowerCase().startsWith(prefix)) return [...prefix.slice(0, -1).split("."), key.slice(prefix.length)];
  }
  return key.split(".");
}

const relationType = (key: string) =>
  key.toLowerCase().startsWith("relations.") ? key.slice("relations.".length).toLowerCase() : null;

/** The entity's scalar at `path`, as text (objects and arrays have none). */
function scalarAt(path: string[]): Prisma.Sql {
  const at = Prisma.sql`(e.entity #> ${path}::text[])`;
  return Prisma.sql`(CASE WHEN jsonb_typeof(${at}) IN ('string', 'number', 'boolean') THEN ${at} #>> '{}' END)`;
}

/**
 * What Backstage orders by for `field`: its lowercase search value, null when the entity
 * has no single value there. Whether the expression can be null matters for the order
 * (nulls last) and for cursors.
 */
export function sortValue(field: string): { sql: Prisma.Sql; nullable: boolean } {
  const key = field.trim().toLowerCase();
  const column = LOWER_COLUMNS[key];
  if (column) return { sql: Prisma.raw(`e."${column}"`), nullable: false };
  if (key === "metadata.uid") return { sql: Prisma.sql`e.id::text`, nullable: false };
  const value = scalarAt(fieldPath(field.trim()));
  return {
    sql: Prisma.sql`(CASE WHEN length(${value}) <= ${MAX_VALUE_LENGTH} THEN lower(${value}) END)`,
    nullable: true,
  };
}

/**
 * Backstage's full-text condition for one field: some search value of that key contains
 * `pattern` (already `%term%`, lowercase). Name and title use their trigram indexes.
 */
export function fieldContains(field: string, pattern: string): Prisma.Sql {
  const key = field.trim().toLowerCase();
  const column = LOWER_COLUMNS[key];
  if (column) return Prisma.sql`e.${Prisma.raw(`"${column}"`)} LIKE ${pattern}`;
  if (key === "metadata.uid") return Prisma.sql`e.id::text LIKE ${pattern}`;
  if (key === "metadata.title") return Prisma.sql`lower(e.title) LIKE ${pattern}`;
  const type = relationType(key);
  if (type) {
    return Prisma.sql`EXISTS (SELECT 1 FROM "CatalogRelation" r WHERE r."orgId" = e."orgId"
      AND r."sourceRef" = e.ref AND lower(r.type) = ${type} AND lower(r."targetRef") LIKE ${pattern})`;
  }
  return Prisma.sql`EXISTS (SELECT 1 FROM ${valuesAt(fieldPath(field.trim()))} AS x(v)
    WHERE length(x.v) <= ${MAX_VALUE_LENGTH} AND lower(x.v) LIKE ${pattern})`;
}

/** The scalar values at `path` as a set: the value itself, or each scalar item of a list. */
export function valuesAt(path: string[]): Prisma.Sql {
  const at = Prisma.sql`(e.entity #> ${path}::text[])`;
  return Prisma.sql`(SELECT j #>> '{}' FROM jsonb_array_elements(CASE jsonb_typeof(${at})
      WHEN 'array' THEN ${at} WHEN 'object' THEN '[]'::jsonb ELSE jsonb_build_array(${at}) END) AS j
    WHERE jsonb_typeof(j) IN ('string', 'number', 'boolean'))`;
}

/** For facets: the relation type of a `relations.<type>` key, lowercase, or null. */
export const facetRelationType = relationType;
