import { normalizeEntityRef, type CatalogError, type Entity } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import {
  ENTITIES,
  STORED_COLUMNS,
  SUMMARY_COLUMNS,
  toStored,
  type EntitySummary,
  type StoredEntity,
  type StoredRow,
} from "./entity-rows";
import type { CatalogSourceType, SourceLocation } from "./ingestion-types";
import { entityOrigin, type EntityOrigin } from "./source-links";
import { authorize, type Principal } from "../authz";

export type RelationTarget = { kind: string; namespace: string; name: string; title: string | null };

export type EntityDetail = EntitySummary & {
  entity: Entity;
  etag: string;
  source: { type: CatalogSourceType; key: string };
  /** The descriptor's file as people know it, with View source / Edit links. */
  origin: EntityOrigin;
  file: string;
  document: number;
  /** Errors of the latest version the source emitted; `entity` is then the last good one. */
  errors: CatalogError[] | null;
  /**
   * Relations from this entity, both directions of every pair (ownedBy and ownerOf alike,
   * whichever entity declared them). Dangling: no entity has the target ref.
   */
  relations: Array<{ type: string; targetRef: string; dangling: boolean; target: RelationTarget | null }>;
  /** Other sources that emit the same ref and were refused. */
  conflicts: Array<{ source: { type: CatalogSourceType; key: string }; file: string; document: number; at: Date }>;
  createdAt: Date;
};

/** Parses a ref as people type it; kind is required, namespace defaults to "default". */
export function parseRefInput(ref: string): string {
  try {
    return normalizeEntityRef(ref, { defaultNamespace: "default" });
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      `"${ref}" is not an entity ref: write kind:namespace/name, e.g. component:default/orders.`,
    );
  }
}

export async function getEntity(db: TenantDb, by: Principal, refInput: string): Promise<EntityDetail> {
  authorize(by, "catalog.read");
  const ref = parseRefInput(refInput);
  type Row = Omit<EntityDetail, "etag" | "origin"> & {
    hash: string;
    location: SourceLocation | null;
    integrationName: string | null;
  };
  const [row] = await db.sql.one<Row>(Prisma.sql`
      SELECT ${SUMMARY_COLUMNS}, e.entity, e.hash, e.errors, e.file, e.document, e."createdAt",
        jsonb_build_object('type', s.type, 'key', s.key) AS source, s.location,
        (SELECT i.name FROM "Integration" i WHERE s.type = 'GITHUB' AND i."orgId" = e."orgId"
           AND i.id = split_part(s.key, '/', 1)) AS "integrationName",
        COALESCE((
          SELECT jsonb_agg(jsonb_build_object('type', r.type, 'targetRef', r."targetRef", 'dangling', t.id IS NULL,
            'target', CASE WHEN t.id IS NULL THEN NULL ELSE jsonb_build_object('kind', t.entity->>'kind',
              'namespace', t.entity->'metadata'->>'namespace', 'name', t.entity->'metadata'->>'name', 'title', t.title) END)
            ORDER BY r.type, r."targetRef")
          FROM (SELECT DISTINCT type, "targetRef" FROM "CatalogRelation" x
                WHERE x."orgId" = e."orgId" AND x."sourceRef" = e.ref) r
          LEFT JOIN "CatalogEntity" t ON t."orgId" = e."orgId" AND t.ref = r."targetRef"), '[]'::jsonb) AS relations,
        COALESCE((
          SELECT jsonb_agg(jsonb_build_object('source', jsonb_build_object('type', cs.type, 'key', cs.key),
            'file', c.file, 'document', c.document,
            'at', to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY c."createdAt", c.id)
          FROM "CatalogConflict" c JOIN "CatalogSource" cs ON cs.id = c."sourceId"
          WHERE c."orgId" = e."orgId" AND c.ref = e.ref), '[]'::jsonb) AS conflicts
      FROM ${ENTITIES} e JOIN "CatalogSource" s ON s.id = e."sourceId"
      WHERE e."orgId" = ${db.orgId} AND e.ref = ${ref}`);
  if (!row) throw new AppError("NOT_FOUND", `No entity ${ref} in this catalog.`);
  const { hash, location, integrationName, ...detail } = row;
  const etag = toStored({ uid: row.uid, ref, hash, entity: row.entity, relations: row.relations }).etag;
  const origin = entityOrigin({
    annotations: row.entity.metadata.annotations,
    source: { ...row.source, location, integrationName },
    file: row.file,
  });
  return { ...detail, etag, origin, conflicts: row.conflicts.map((c) => ({ ...c, at: new Date(c.at) })) };
}

/** Whole entities for the given refs, in the same order, null where there is none. */
export async function getStoredEntities(
  db: TenantDb,
  by: Principal,
  refInputs: string[],
): Promise<Array<StoredEntity | null>> {
  authorize(by, "catalog.read");
  const refs = refInputs.map((r) => {
    try {
      return normalizeEntityRef(r, { defaultNamespace: "default" });
    } catch {
      return null;
    }
  });
  const wanted = [...new Set(refs.filter((r): r is string => r !== null))];
  if (wanted.length === 0) return refs.map(() => null);
  const rows = await db.sql.one<StoredRow>(Prisma.sql`
    SELECT ${STORED_COLUMNS} FROM ${ENTITIES} e
    WHERE e."orgId" = ${db.orgId} AND e.ref = ANY(${wanted}::text[])`);
  const byRef = new Map(rows.map((r) => [r.ref, toStored(r)]));
  return refs.map((r) => (r ? (byRef.get(r) ?? null) : null));
}
