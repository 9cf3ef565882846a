import { stringify } from "yaml";

/** One descriptor file of the agreement corpus, usually holding a single document. */
export type CorpusCase = { family: string; name: string; yaml: string };

export type Doc = Record<string, unknown>;

/** Marks a key for removal in `mutate`. */
export const REMOVE = Symbol("remove");

/** A copy of `base` with the value at `path` replaced (or removed with REMOVE). */
export function mutate(base: Doc, path: readonly (string | number)[], value: unknown): Doc {
  const copy = structuredClone(base);
  let node: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next !== "object" || next === null) node[segment] = {};
    node = node[segment] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

/** YAML text for a value, without anchors for repeated objects or folded lines. */
export function toYaml(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export const fromDoc = (family: string, name: string, doc: unknown): CorpusCase => ({
  family,
  name,
  yaml: toYaml(doc),
});

export const fromYaml = (family: string, name: string, yaml: string): CorpusCase => ({ family, name, yaml });
