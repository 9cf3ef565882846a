import { entityRefProblem, parseEntityRef, stringifyEntityRef, DEFAULT_NAMESPACE } from "./refs";
import { relationFieldsFor, type RelationField } from "./relation-fields";
import { isObject } from "./shape";
import type { PathSegment, Relation } from "./types";

type EntityLike = {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  spec?: unknown;
};

export type RelationTarget = {
  field: RelationField;
  segments: PathSegment[];
  value: unknown;
};

/**
 * The ref values of an entity's relation fields. A field holds one ref or a list of refs;
 * a falsy value means "none", as in Backstage, and a list is read one level deep.
 */
export function relationTargets(entity: EntityLike): RelationTarget[] {
  if (typeof entity.kind !== "string" || !isObject(entity.spec)) return [];
  const spec = entity.spec;
  const out: RelationTarget[] = [];
  for (const field of relationFieldsFor(entity.kind, String(entity.apiVersion))) {
    const value = Object.hasOwn(spec, field.field) ? spec[field.field] : undefined;
    if (!value) continue;
    const base: PathSegment[] = ["spec", field.field];
    if (Array.isArray(value)) {
      value.forEach((item, i) => out.push({ field, segments: [...base, i], value: item }));
    } else {
      out.push({ field, segments: base, value });
    }
  }
  return out;
}

function ownNamespace(entity: EntityLike): string {
  const metadata = isObject(entity.metadata) ? entity.metadata : {};
  return typeof metadata.namespace === "string" && metadata.namespace ? metadata.namespace : DEFAULT_NAMESPACE;
}

/**
 * Relations an entity declares, both directions, deduplicated, refs lowercase. Refs that
 * cannot be parsed (validation reports them) and unresolved placeholders are skipped.
 * A ref may also be written as a mapping `{ kind, namespace, name }`, which Backstage
 * accepts in the one field it leaves untyped (dependencyOf).
 */
export function deriveRelations(entity: EntityLike): Relation[] {
  const metadata = isObject(entity.metadata) ? entity.metadata : {};
  if (typeof entity.kind !== "string" || typeof metadata.name !== "string") return [];
  const namespace = ownNamespace(entity);
  const self = stringifyEntityRef({ kind: entity.kind, namespace, name: metadata.name });
  const seen = new Set<string>();
  const relations: Relation[] = [];
  const add = (type: string, sourceRef: string, targetRef: string) => {
    const key = `${type} ${sourceRef} ${targetRef}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({ type, sourceRef, targetRef });
  };
  for (const { field, value } of relationTargets(entity)) {
    const context = { defaultKind: field.defaultKind, defaultNamespace: namespace };
    if (entityRefProblem(value, context) !== null || !isRefInput(value)) continue;
    const target = stringifyEntityRef(parseEntityRef(value, context));
    add(field.forward, self, target);
    add(field.reverse, target, self);
  }
  return relations;
}

// A placeholder object has no `name`, so it never passes as a compound ref.
function isRefInput(value: unknown): value is string | { name: string } {
  return typeof value === "string" || isObject(value);
}
