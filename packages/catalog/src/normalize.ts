import { entityHash, toJsonValue } from "./canonical-json";
import { DEFAULT_NAMESPACE, normalizeEntityRef, stringifyEntityRef } from "./refs";
import { isObject } from "./shape";
import type { Entity, EntityFields, JsonObject, JsonValue, NormalizedEntity } from "./types";

/**
 * The stored form of a valid entity: JSON-safe, namespace filled in (right after the
 * name, where people look for it), a falsy `annotations` dropped as Backstage drops it.
 * Key order is kept: it is meaningful to readers, and to Template forms.
 */
export function canonicalEntity(value: Record<string, unknown>): Entity {
  const json = toJsonValue(value) as JsonObject;
  const metadata = isObject(json.metadata) ? (json.metadata as JsonObject) : {};
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, field] of Object.entries(metadata)) {
    if (key === "annotations" && !field) continue;
    entries.push([key, field]);
    if (key === "name" && !metadata.namespace) entries.push(["namespace", DEFAULT_NAMESPACE]);
  }
  return { ...json, metadata: Object.fromEntries(entries) } as Entity;
}

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function refField(value: unknown, defaultKind: string, namespace: string): string | null {
  if (typeof value !== "string") return null;
  try {
    return normalizeEntityRef(value, { defaultKind, defaultNamespace: namespace });
  } catch {
    return null;
  }
}

/** The columns an entity list needs, read from a canonical entity. */
export function entityFields(entity: Entity): EntityFields {
  const { metadata } = entity;
  const namespace = metadata.namespace ?? DEFAULT_NAMESPACE;
  const spec: JsonObject = entity.spec ?? {};
  return {
    ref: stringifyEntityRef({ kind: entity.kind, namespace, name: metadata.name }),
    kind: entity.kind,
    namespace,
    name: metadata.name,
    title: text(metadata.title),
    description: text(metadata.description),
    type: text(spec.type),
    lifecycle: text(spec.lifecycle),
    owner: refField(spec.owner, "Group", namespace),
    system: refField(spec.system, "System", namespace),
    tags: Array.isArray(metadata.tags) ? metadata.tags.filter((t): t is string => typeof t === "string") : [],
  };
}

/** Canonical entity, its indexed fields and its hash; call only on a valid entity. */
export function normalizeEntity(value: Record<string, unknown>): NormalizedEntity {
  const entity = canonicalEntity(value);
  const fields = entityFields(entity);
  return { ref: fields.ref, entity, hash: entityHash(entity), fields };
}
