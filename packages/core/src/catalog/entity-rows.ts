import { createHash } from "node:crypto";
import type { Entity } from "@stagedoor/catalog";
import { Prisma } from "@stagedoor/db";

/**
 * Where tenant reads of entities come from: the catalog_entities view, which restricts to
 * the transaction's org as the RLS policy does but lets PostgreSQL use the full-text and
 * tag indexes (see the catalog migration for why RLS alone cannot). Writes use the table.
 */
export const ENTITIES = Prisma.raw("catalog_entities");

/** What a list row shows. Kind, namespace, name and type are as written; refs are lowercase. */
export type EntitySummary = {
  uid: string;
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  tags: string[];
  orphanedAt: Date | null;
  hasErrors: boolean;
  updatedAt: Date;
};

/** A relation as Backstage puts it on an entity: from this entity to `targetRef`. */
export type EntityRelation = { type: string; targetRef: string };

/** A stored entity as the Backstage API answers it, before field selection. */
export type StoredEntity = {
  uid: string;
  ref: string;
  /** Changes whenever what the API answers does: content or relations. */
  etag: string;
  entity: Entity;
  relations: EntityRelation[];
};

// Display forms come from the stored entity; the columns are lowercase for filtering.
export const SUMMARY_COLUMNS = Prisma.sql`
  e.id AS uid, e.ref, e.entity->>'kind' AS kind, e.entity->'metadata'->>'namespace' AS namespace,
  e.entity->'metadata'->>'name' AS name, e.title, e.description, e.entity->'spec'->>'type' AS type,
  e.entity->'spec'->>'lifecycle' AS lifecycle, e.owner, e.system, e.tags, e."orphanedAt",
  e.errors IS NOT NULL AS "hasErrors", e."updatedAt"`;

/** Sort keys of a row, for cursors (the lowercase columns the indexes hold). */
export const SORT_COLUMNS = Prisma.sql`e.name AS "sortName", e.kind AS "sortKind"`;

/**
 * The entity's own relations, deduplicated (two entities may declare the same pair),
 * as one JSON array: one statement answers an entity with its relations.
 */
export const RELATIONS_JSON = Prisma.sql`COALESCE((
  SELECT jsonb_agg(jsonb_build_object('type', r.type, 'targetRef', r."targetRef") ORDER BY r.type, r."targetRef")
  FROM (SELECT DISTINCT type, "targetRef" FROM "CatalogRelation" x
        WHERE x."orgId" = e."orgId" AND x."sourceRef" = e.ref) r), '[]'::jsonb)`;

export const STORED_COLUMNS = Prisma.sql`e.id AS uid, e.ref, e.hash, e.entity, ${RELATIONS_JSON} AS relations`;

export type StoredRow = { uid: string; ref: string; hash: string; entity: Entity; relations: EntityRelation[] };

export const toStored = (row: StoredRow): StoredEntity => ({
  uid: row.uid,
  ref: row.ref,
  etag: createHash("sha1").update(row.hash).update(JSON.stringify(row.relations)).digest("hex"),
  entity: row.entity,
  relations: row.relations,
});
