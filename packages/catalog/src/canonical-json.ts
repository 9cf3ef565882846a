import { createHash } from "node:crypto";
import type { JsonValue } from "./types";

/**
 * The value as JSON would carry it: non-finite numbers become null, Buffers and dates
 * go through their toJSON, undefined object entries are dropped. YAML can produce all
 * of these (.nan, !!binary, YAML 1.1 timestamps), and Backstage stores entities as JSON.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "object") {
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === "function") return toJsonValue(withToJson.toJSON());
    if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toJsonValue(item)));
    // fromEntries defines own properties, so even a "__proto__" key stays plain data.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && typeof v !== "function")
        .map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return null;
}

/** JSON with object keys sorted at every level, so key order never changes the text. */
export function canonicalJson(value: unknown): string {
  const json = toJsonValue(value);
  return write(json);
}

function write(value: JsonValue): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(write).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(value[k] as JsonValue)}`).join(",")}}`;
}

/**
 * sha256 (hex) of the canonical JSON. Ingestion compares it with the stored hash to skip
 * unchanged entities. Key order is deliberately ignored, which also means reordering keys
 * alone (say, the properties of a Template form) is not seen as a change.
 */
export function entityHash(entity: unknown): string {
  return createHash("sha256").update(canonicalJson(entity)).digest("hex");
}
