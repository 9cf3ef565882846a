import { RELATION_PAIRS } from "@stagedoor/catalog";
import { AppError, backstageFieldPath, type BackstageOrder, type EntityFilter } from "@stagedoor/core";

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
      const path = backstageFieldPath(key);
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

/** `orderField=metadata.title,desc` (by-query): any field; the direction is optional (asc). */
export function parseOrderField(text: string): BackstageOrder {
  const [field, order] = text.split(",");
  if (order !== undefined && order !== "asc" && order !== "desc") {
    throw new AppError("BAD_REQUEST", "Invalid order field order, must be asc or desc");
  }
  if (!field?.trim())
    throw new AppError("BAD_REQUEST", `Invalid orderField "${text}": name a field, e.g. metadata.name,asc.`);
  return { field: field.trim(), order: order ?? "asc" };
}

/** `order=desc:metadata.name` (GET /entities): `asc:` or `desc:` before the field, asc when left out. */
export function parseOrder(text: string): BackstageOrder {
  const colon = text.indexOf(":");
  const [order, field] = colon === -1 ? ["asc", text] : [text.slice(0, colon), text.slice(colon + 1)];
  if (order !== "asc" && order !== "desc") {
    throw new AppError("BAD_REQUEST", `Invalid order "${text}": write asc:<field> or desc:<field>.`);
  }
  if (!field.trim()) throw new AppError("BAD_REQUEST", `Invalid order "${text}": name a field.`);
  return { field: field.trim(), order };
}

/** `fullTextFilterTerm` with `fullTextFilterFields=a,b` (Backstage's defaults apply without fields). */
export function parseFullText(params: URLSearchParams): { term: string; fields?: string[] } | undefined {
  const term = params.get("fullTextFilterTerm")?.trim();
  if (!term) return undefined;
  const fields = params
    .getAll("fullTextFilterFields")
    .flatMap((f) => f.split(","))
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.length ? { term, fields } : { term };
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
