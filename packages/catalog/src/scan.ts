import { formatPath } from "./issues";
import type { PathSegment, Placeholder } from "./types";

const RESOLVERS = new Set(["text", "json", "yaml"]);

export type PlaceholderResolver = Placeholder["resolver"];

export type ScanResult = {
  /** Nesting depth of mappings and sequences; the root mapping is 1. */
  depth: number;
  placeholders: Placeholder[];
  /** Placeholder objects by identity, so validation can treat them as stand-ins. */
  resolverOf: Map<object, PlaceholderResolver>;
  /** Placeholders whose argument is not a string: Backstage fails to resolve them. */
  brokenPlaceholders: Array<{ segments: PathSegment[]; key: string; value: unknown }>;
  /** Paths of `__proto__` keys. */
  forbiddenKeys: PathSegment[][];
};

type Frame = { value: unknown; segments: PathSegment[]; depth: number; placeholders: boolean };

const isAnnotations = (segments: PathSegment[]): boolean =>
  segments.length === 2 && segments[0] === "metadata" && segments[1] === "annotations";

/**
 * One iterative pass over an entity (no recursion, so any depth is safe to measure).
 *
 * Placeholders follow Backstage's PlaceholderProcessor: an object whose only key is
 * `$text`, `$json` or `$yaml` is replaced by the content it points at; an object with a
 * `$` key among others, or an unknown `$` key (JSON schema's `$ref`), is left alone
 * with everything inside it. metadata.annotations is special: Backstage adds its
 * location annotations before resolving, so a `$` key there is never a placeholder.
 */
export function scanEntity(root: unknown): ScanResult {
  const result: ScanResult = {
    depth: 0,
    placeholders: [],
    resolverOf: new Map(),
    brokenPlaceholders: [],
    forbiddenKeys: [],
  };
  const stack: Frame[] = [{ value: root, segments: [], depth: 0, placeholders: true }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, segments } = frame;
    if (value === null || typeof value !== "object") continue;
    const depth = frame.depth + 1;
    if (depth > result.depth) result.depth = depth;
    if (Array.isArray(value)) {
      // Pushed last-first so items are visited, and placeholders listed, in file order.
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], segments: [...segments, i], depth, placeholders: frame.placeholders });
      }
      continue;
    }
    const keys = Object.keys(value);
    let placeholders = frame.placeholders;
    if (placeholders && keys.some((k) => k.startsWith("$"))) {
      placeholders = false;
      const key = keys[0] ?? "";
      const resolver = key.slice(1);
      if (keys.length === 1 && RESOLVERS.has(resolver) && !isAnnotations(segments)) {
        recordPlaceholder(result, value, segments, key, resolver as PlaceholderResolver);
      }
    }
    for (const key of [...keys].reverse()) {
      if (key === "__proto__") result.forbiddenKeys.push([...segments, key]);
      const child = (value as Record<string, unknown>)[key];
      stack.push({ value: child, segments: [...segments, key], depth, placeholders });
    }
  }
  return result;
}

function recordPlaceholder(
  result: ScanResult,
  value: object,
  segments: PathSegment[],
  key: string,
  resolver: PlaceholderResolver,
): void {
  const target = (value as Record<string, unknown>)[key];
  if (typeof target === "string") {
    result.resolverOf.set(value, resolver);
    result.placeholders.push({ path: formatPath(segments), segments: [...segments], resolver, target });
  } else {
    // Still a stand-in for validation, so one bad argument yields one error, not several.
    result.resolverOf.set(value, "json");
    result.brokenPlaceholders.push({ segments: [...segments], key, value: target });
  }
}
