import type { CatalogError, Entity, NormalizedEntity } from "@stagedoor/catalog";

/**
 * A valid entity as ingestion carries it from the parse thread to the database: its
 * identity, and its stored columns already as JSON text. Text crosses threads as one
 * copy, where the entity as objects would be cloned field by field and then serialised
 * again for the statement; at 100,000 entities that cloning and the garbage it left were
 * most of the ingesting thread's work.
 */
export type IngestedEntity = {
  ref: string;
  hash: string;
  /** A JSON object of the CatalogEntity columns the entity alone determines. */
  columns: string;
};

/** The stored columns of an entity (filter columns lowercase, as Backstage filters ignore case). */
export function toIngestedEntity({ ref, hash, entity, fields: f }: NormalizedEntity): IngestedEntity {
  const columns = {
    ref,
    kind: f.kind.toLowerCase(),
    namespace: f.namespace.toLowerCase(),
    name: f.name.toLowerCase(),
    title: f.title,
    description: f.description,
    type: f.type?.toLowerCase() ?? null,
    lifecycle: f.lifecycle?.toLowerCase() ?? null,
    owner: f.owner,
    system: f.system,
    tags: f.tags.map((t) => t.toLowerCase()),
    entity,
    hash,
  };
  return { ref, hash, columns: JSON.stringify(columns) };
}

/** The entity as written (for a conflict record, which keeps the definition it refused). */
export const entityOf = (ingested: IngestedEntity): Entity => (JSON.parse(ingested.columns) as { entity: Entity }).entity;

/**
 * One row of the upsert's JSON array: the entity's columns plus where this ingestion
 * found it and its errors, joined as text (the columns are never parsed again here).
 */
export function rowJson(
  ingested: IngestedEntity,
  at: { file: string; document: number; errors: CatalogError[] },
): string {
  const errors = at.errors.length ? JSON.stringify(at.errors) : "null";
  return `{"file":${JSON.stringify(at.file)},"document":${at.document},"errors":${errors},${ingested.columns.slice(1)}`;
}
