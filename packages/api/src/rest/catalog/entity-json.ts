import type { StoredEntity } from "@stagedoor/core";

type Json = Record<string, unknown>;

/**
 * An entity as Backstage's catalog answers it: as written, with metadata.uid and
 * metadata.etag added, and `relations` as `{type, targetRef}` from this entity.
 */
export function backstageEntity(stored: StoredEntity): Json {
  const { entity } = stored;
  return {
    ...entity,
    metadata: { ...entity.metadata, uid: stored.uid, etag: stored.etag },
    relations: stored.relations,
  };
}

/** Keeps only the given paths (Backstage's `fields`), nesting them as in the entity. */
export function selectFields(entity: Json, paths: string[][] | undefined): Json {
  if (!paths) return entity;
  const out: Json = {};
  for (const path of paths) {
    // Own keys only, and never a prototype: `fields` is request input.
    if (path.some((key) => key === "__proto__" || key === "constructor" || key === "prototype")) continue;
    let from: unknown = entity;
    for (const key of path) {
      const isObject = from !== null && typeof from === "object" && !Array.isArray(from);
      from = isObject && Object.hasOwn(from as Json, key) ? (from as Json)[key] : undefined;
    }
    if (from === undefined) continue;
    let to = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) to[key] = from;
      else to = (to[key] ??= {}) as Json;
    });
  }
  return out;
}

export const toJson = (stored: StoredEntity, fields: string[][] | undefined) =>
  selectFields(backstageEntity(stored), fields);
