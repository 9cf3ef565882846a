import { Prisma, type PrismaTypes } from "@stagedoor/db";
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

/** Every entity of the source: what it may update, keep or orphan. */
export async function loadSourceEntities(tx: Tx, orgId: string, sourceId: string | null) {
  if (!sourceId) return [];
  return tx.$queryRaw<ExistingEntity[]>`
    SELECT ${EXISTING_COLUMNS} FROM "CatalogEntity" e JOIN "CatalogSource" s ON s.id = e."sourceId"
    WHERE e."orgId" = ${orgId} AND e."sourceId" = ${sourceId}`;
}

/**
 * Entities of other sources with these refs: conflicts, or orphans to take over. Read in
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

/** Writes one batch with a few set-based statements; nothing here is per entity. */
export async function writeBatch(tx: Tx, orgId: string, sourceId: string, plan: BatchPlan): Promise<void> {
  const ids = new Map<string, string>();
  for (const batch of chunks(plan.writes, ENTITY_CHUNK)) {
    for (const row of await upsertEntities(tx, orgId, sourceId, batch)) ids.set(row.ref, row.id);
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

/** The source-wide part, after the last batch: orphans, kept entities, conflicts and errors. */
export async function finishIngestion(
  tx: Tx,
  orgId: string,
  sourceId: string,
  end: {
    orphans: ExistingEntity[];
    retained: ErrorUpdate[];
    conflicts: ConflictRecord[];
    sourceErrors: SourceErrorRecord[];
  },
): Promise<void> {
  for (const batch of chunks(end.orphans, RELATION_CHUNK)) {
    await tx.$executeRaw`
      UPDATE "CatalogEntity" SET "orphanedAt" = ${NOW} WHERE id = ANY(${batch.map((o) => o.id)}::uuid[])`;
  }
  await updateErrors(tx, end.retained);
  await tx.catalogConflict.deleteMany({ where: { sourceId } });
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
  await tx.catalogSourceError.deleteMany({ where: { sourceId } });
  await tx.catalogSourceError.createMany({
    data: end.sourceErrors.map((e) => ({ orgId, sourceId, ...e, errors: e.errors })),
  });
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
  return tx.$queryRaw<Array<{ id: string; ref: string }>>`
    INSERT INTO "CatalogEntity" AS e ("orgId", "sourceId", ref, kind, namespace, name, title, description, type,
      lifecycle, owner, system, tags, entity, hash, errors, file, document, "createdAt", "updatedAt")
    SELECT ${orgId}, ${sourceId}, r.ref, r.kind, r.namespace, r.name, r.title, r.description, r.type,
      r.lifecycle, r.owner, r.system, r.tags, r.entity, r.hash, r.errors, r.file, r.document, ${NOW}, ${NOW}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(ref text, kind text, namespace text, name text,
      title text, description text, type text, lifecycle text, owner text, system text, tags text[], entity jsonb,
      hash text, errors jsonb, file text, document int)
    ON CONFLICT ("orgId", ref) DO UPDATE SET
      "sourceId" = excluded."sourceId", kind = excluded.kind, namespace = excluded.namespace, name = excluded.name,
      title = excluded.title, description = excluded.description, type = excluded.type,
      lifecycle = excluded.lifecycle, owner = excluded.owner, system = excluded.system, tags = excluded.tags,
      entity = excluded.entity, hash = excluded.hash, errors = excluded.errors, file = excluded.file,
      document = excluded.document, "orphanedAt" = NULL,
      "updatedAt" = CASE WHEN e.hash = excluded.hash THEN e."updatedAt" ELSE excluded."updatedAt" END
    WHERE e."sourceId" = excluded."sourceId" OR e."orphanedAt" IS NOT NULL
    RETURNING e.id, e.ref`;
}
