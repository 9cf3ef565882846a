import { Prisma, type PrismaTypes } from "@stagedoor/db";
import type { FacetColumns, FacetDelta } from "./facet-summary";
import type { BatchPlan, ConflictRecord, ErrorUpdate, ExistingEntity, SourceErrorRecord } from "./plan-ingestion";

type Tx = PrismaTypes.TransactionClient;

// Rows per statement: big enough that round trips don't matter, small enough that one
// statement's parameters stay a few megabytes.
const ENTITY_CHUNK = 2000;
const RELATION_CHUNK = 20_000;

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Serialises ingestion per org, so conflict checks between sources see settled state. */
export async function lockOrgCatalog(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`catalog:${orgId}`}, 0))`;
}

const EXISTING_COLUMNS = Prisma.sql`
  e.id, e.ref, e."sourceId", s.key AS "sourceKey", e.hash, e.file, e.document,
  e."orphanedAt" IS NOT NULL AS orphaned, e.errors IS NOT NULL AS "hasErrors"`;

const FACET_COLUMNS = Prisma.sql`jsonb_build_object('kind', e.kind, 'namespace', e.namespace, 'type', e.type,
  'lifecycle', e.lifecycle, 'owner', e.owner, 'system', e.system, 'tags', to_jsonb(e.tags))`;

/**
 * The stored entities with these refs, of any source: this source's own (to update or
 * keep), or another's (conflicts, or orphans to take over). Read in
 * the ingestion transaction itself: a read on a second connection would deadlock against
 * it on a single-backend PostgreSQL (PGlite's socket server, which `npm start` uses, runs
 * one transaction at a time across all connections).
 */
export async function loadEntitiesByRef(tx: Tx, orgId: string, refs: string[]): Promise<ExistingEntity[]> {
  if (refs.length === 0) return [];
  return tx.$queryRaw<ExistingEntity[]>`
    SELECT ${EXISTING_COLUMNS} FROM "CatalogEntity" e JOIN "CatalogSource" s ON s.id = e."sourceId"
    WHERE e."orgId" = ${orgId} AND e.ref = ANY(${refs}::text[])`;
}

/**
 * Writes one batch with a few set-based statements; nothing here is per entity. What the
 * rewritten entities change in the facet counts goes into `facets`.
 */
export async function writeBatch(
  tx: Tx,
  orgId: string,
  sourceId: string,
  plan: BatchPlan,
  facets: FacetDelta,
): Promise<void> {
  const ids = new Map<string, string>();
  for (const batch of chunks(plan.writes, ENTITY_CHUNK)) {
    for (const row of await upsertEntities(tx, orgId, sourceId, batch)) {
      ids.set(row.ref, row.id);
      // An unchanged hash gives the same columns: the two cancel out.
      if (row.before) facets.add(row.before, -1);
      facets.add(row.after, 1);
    }
  }

  // Relations follow content: rewritten only for entities whose hash changed.
  const changed = plan.writes.filter((w) => w.contentChanged);
  const replaced = changed.flatMap((w) => (w.doc.outcome.status === "created" ? [] : [ids.get(w.doc.entity.ref)!]));
  for (const batch of chunks(replaced.filter(Boolean), RELATION_CHUNK)) {
    await tx.$executeRaw`DELETE FROM "CatalogRelation" WHERE "originId" = ANY(${batch}::uuid[])`;
  }
  const relations = changed.flatMap((w) => {
    const origin = ids.get(w.doc.entity.ref);
    return origin ? w.doc.relations.map((r) => [origin, r.sourceRef, r.type, r.targetRef] as const) : [];
  });
  for (const batch of chunks(relations, RELATION_CHUNK)) {
    await tx.$executeRaw`
      INSERT INTO "CatalogRelation" ("orgId", "originId", "sourceRef", type, "targetRef")
      SELECT ${orgId}, u.o, u.s, u.t, u.g
      FROM unnest(${batch.map((r) => r[0])}::uuid[], ${batch.map((r) => r[1])}::text[],
                  ${batch.map((r) => r[2])}::text[], ${batch.map((r) => r[3])}::text[]) AS u(o, s, t, g)
      ON CONFLICT DO NOTHING`;
  }
  await updateErrors(tx, plan.errorUpdates);
}

async function updateErrors(tx: Tx, updates: ErrorUpdate[]): Promise<void> {
  for (const batch of chunks(updates, ENTITY_CHUNK)) {
    await tx.$executeRaw`
      UPDATE "CatalogEntity" e SET errors = u.errors, "orphanedAt" = NULL
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS u(id uuid, errors jsonb)
      WHERE e.id = u.id`;
  }
}

/** The source-wide part, after the last batch (orphans: emitted-refs.ts): conflicts and errors. */
export async function finishIngestion(
  tx: Tx,
  orgId: string,
  sourceId: string,
  end: { conflicts: ConflictRecord[]; sourceErrors: SourceErrorRecord[] },
): Promise<void> {
  // What the previous ingestion recorded is replaced (one statement for both tables).
  await tx.$executeRaw`
    WITH conflicts AS (DELETE FROM "CatalogConflict" WHERE "sourceId" = ${sourceId})
    DELETE FROM "CatalogSourceError" WHERE "sourceId" = ${sourceId}`;
  if (end.conflicts.length) {
    await tx.catalogConflict.createMany({
      data: end.conflicts.map((c) => ({
        orgId,
        sourceId,
        ref: c.ref,
        existingSourceId: c.existingSourceId,
        file: c.file,
        document: c.document,
        entity: c.entity ?? Prisma.DbNull,
      })),
    });
  }
  if (end.sourceErrors.length) {
    await tx.catalogSourceError.createMany({
      data: end.sourceErrors.map((e) => ({ orgId, sourceId, ...e, errors: e.errors })),
    });
  }
}

async function upsertEntities(tx: Tx, orgId: string, sourceId: string, batch: BatchPlan["writes"]) {
  const rows = batch.map(({ doc }) => {
    const f = doc.entity.fields;
    return {
      ref: f.ref,
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
      entity: doc.entity.entity,
      hash: doc.entity.hash,
      errors: doc.errors.length ? doc.errors : null,
      file: doc.file,
      document: doc.document,
    };
  });
  // The WHERE keeps the rule even if the plan were stale: never take a live entity of another source.
  // `stored` reads the rows as they were before this statement (one snapshot for all its parts).
  return tx.$queryRaw<Array<{ id: string; ref: string; before: FacetColumns | null; after: FacetColumns }>>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(ref text, kind text, namespace text,
        name text, title text, description text, type text, lifecycle text, owner text, system text, tags text[],
        entity jsonb, hash text, errors jsonb, file text, document int)),
    stored AS (
      SELECT e.ref, ${FACET_COLUMNS} AS facets FROM "CatalogEntity" e
      WHERE e."orgId" = ${orgId} AND e.ref IN (SELECT ref FROM r)),
    written AS (
      INSERT INTO "CatalogEntity" AS e ("orgId", "sourceId", ref, kind, namespace, name, title, description, type,
        lifecycle, owner, system, tags, entity, hash, errors, file, document, "createdAt", "updatedAt")
      SELECT ${orgId}, ${sourceId}, r.ref, r.kind, r.namespace, r.name, r.title, r.description, r.type,
        r.lifecycle, r.owner, r.system, r.tags, r.entity, r.hash, r.errors, r.file, r.document, ${NOW}, ${NOW}
      FROM r
      ON CONFLICT ("orgId", ref) DO UPDATE SET
        "sourceId" = excluded."sourceId", kind = excluded.kind, namespace = excluded.namespace, name = excluded.name,
        title = excluded.title, description = excluded.description, type = excluded.type,
        lifecycle = excluded.lifecycle, owner = excluded.owner, system = excluded.system, tags = excluded.tags,
        entity = excluded.entity, hash = excluded.hash, errors = excluded.errors, file = excluded.file,
        document = excluded.document, "orphanedAt" = NULL,
        "updatedAt" = CASE WHEN e.hash = excluded.hash THEN e."updatedAt" ELSE excluded."updatedAt" END
      WHERE e."sourceId" = excluded."sourceId" OR e."orphanedAt" IS NOT NULL
      RETURNING e.id, e.ref, ${FACET_COLUMNS} AS facets)
    SELECT w.id, w.ref, s.facets AS before, w.facets AS after FROM written w LEFT JOIN stored s ON s.ref = w.ref`;
}
