import { isAlias, isMap, isScalar, isSeq, type Document } from "yaml";
import type { PathSegment } from "./types";

type Ranged = { range?: readonly number[] | null } | null | undefined;

const start = (node: unknown): number | undefined => (node as Ranged)?.range?.[0];

// yaml's JSON conversion writes a null key as "" and other scalars with String().
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return key.value === null ? "" : String(key.value);
}

// `owner:` with nothing after it parses as an empty scalar placed after the colon;
// the key is the better place to point at.
const isEmptyScalar = (node: unknown): boolean =>
  isScalar(node) && node.value === null && (node.source === "" || node.source === undefined);

/**
 * Character offset in the file of the field at `segments`: its key or its value. When
 * the field is missing, the key of the deepest part of the path that exists (so a
 * missing spec.owner points at `spec:`), or the document's first line.
 */
export function locate(doc: Document.Parsed, segments: readonly PathSegment[], target: "key" | "value"): number {
  const documentStart = start(doc.contents) ?? doc.range[0];
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(segment));
      if (!pair) return found ?? documentStart;
      const keyAt = start(pair.key) ?? found;
      if (last && target === "key") return keyAt ?? documentStart;
      found = keyAt;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return found ?? documentStart;
      found = start(item) ?? found;
      node = item;
    } else {
      // A scalar, or an alias: point at it rather than into the anchor it repeats.
      return (isAlias(node) ? start(node) : found) ?? documentStart;
    }
  }
  if (isEmptyScalar(node)) return found ?? documentStart;
  return start(node) ?? found ?? documentStart;
}
