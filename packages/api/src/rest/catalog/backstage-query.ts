import { RELATION_PAIRS } from "@stagedoor/catalog";
import { AppError, type EntityFilter, type EntitySort, type FacetKey, type SortDirection } from "@stagedoor/core";

// Backstage's query parameters, read into core's terms. Keys are case-insensitive there.

type ColumnKey = Exclude<keyof EntityFilter, "relation" | "field" | "orphaned" | "hasErrors">;

const COLUMNS: Record<string, ColumnKey> = {
  kind: "kind",
  "metadata.namespace": "namespace",
  "metadata.name": "name",
  "metadata.uid": "uid",
  "spec.type": "type",
  "spec.lifecycle": "lifecycle",
  "spec.owner": "owner",
  "spec.system": "system",
  "metadata.tags": "tag",
};

const RELATION_TYPES = new Map(RELATION_PAIRS.flat().map((t) => [t.toLowerCase(), t as string]));

// Annotation and label keys contain dots (backstage.io/techdocs-ref): they are one key.
function fieldPath(key: string): string[] {
  for (const prefix of ["metadata.annotations.", "metadata.labels."]) {
    if (key.toLowerCase().startsWith(prefix)) return [...prefix.slice(0, -1).split("."), key.slice(prefix.length)];
  }
  return key.split(".");
}

/**
 * One `filter` parameter: `key=value,key2=value2` (all must hold), a repeated key means
 * any of its values, a bare `key` means the field is present. Several `filter`
 * parameters match when any of them does.
 */
export function parseFilter(text: string): EntityFilter {
  const filter: EntityFilter = {};
  for (const part of text.split(",")) {
    if (!part.trim()) continue;
    const eq = part.indexOf("=");
    const key = (eq === -1 ? part : part.slice(0, eq)).trim();
    const value = eq === -1 ? null : part.slice(eq + 1).trim();
    if (!key)
      throw new AppError("BAD_REQUEST", `Invalid filter "${text}": expected key=value pairs separated by commas.`);
    const lower = key.toLowerCase();
    const column = COLUMNS[lower];
    if (column && value !== null) {
      (filter[column] ??= []).push(value);
    } else if (lower.startsWith("relations.") && value !== null) {
      const type = RELATION_TYPES.get(lower.slice("relations.".length)) ?? key.slice("relations.".length);
      const existing = filter.relation?.find((r) => r.type === type);
      if (existing) existing.targetRefs.push(value);
      else (filter.relation ??= []).push({ type, targetRefs: [value] });
    } else {
      const path = fieldPath(key);
      const existing = filter.field?.find((f) => f.path.join("\0") === path.join("\0"));
      if (existing && existing.values && value !== null) existing.values.push(value);
      else (filter.field ??= []).push({ path, values: value === null ? null : [value] });
    }
  }
  return filter;
}

export function parseFilters(params: URLSearchParams): EntityFilter[] | undefined {
  const all = params.getAll("filter").filter((f) => f.trim());
  return all.length ? all.map(parseFilter) : undefined;
}

/** `fields=kind,metadata.name` (repeatable): the paths to keep in each entity. */
export function parseFields(values: string[]): string[][] | undefined {
  const paths = values
    .flatMap((v) => v.split(","))
    .map((f) => f.trim())
    .filter(Boolean);
  return paths.length ? paths.map((p) => p.split(".")) : undefined;
}

const SORT_FIELDS: Record<string, EntitySort> = { "metadata.name": "name", kind: "kind" };

/** Sorts we keep an index for; Backstage sorts on anything, slowly. */
export function parseSort(field: string, direction: string): { sort: EntitySort; direction: SortDirection } {
  const sort = SORT_FIELDS[field.trim().toLowerCase()];
  const dir = direction.trim().toLowerCase();
  if (!sort || (dir !== "asc" && dir !== "desc")) {
    throw new AppError(
      "BAD_REQUEST",
      `Cannot order by "${field},${direction}": use metadata.name or kind, with asc or desc.`,
    );
  }
  return { sort, direction: dir };
}

export function parseLimit(value: string | null, fallback: number, max: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new AppError("BAD_REQUEST", `limit must be 0-${max}.`);
  return n;
}

export function parseOffset(value: string | null): number {
  if (value === null) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new AppError("BAD_REQUEST", "offset must be a non-negative integer.");
  return n;
}

const FACETS: Record<string, FacetKey> = {
  kind: "kind",
  "metadata.namespace": "namespace",
  "spec.type": "type",
  "spec.lifecycle": "lifecycle",
  "spec.owner": "owner",
  "relations.ownedby": "owner",
  "spec.system": "system",
  "metadata.tags": "tag",
};

/** Facets we index; any other asked for is answered with an empty list. */
export const facetKey = (name: string): FacetKey | undefined => FACETS[name.toLowerCase()];
