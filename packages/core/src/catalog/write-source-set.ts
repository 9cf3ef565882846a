import type { CatalogError } from "@stagedoor/catalog";
import { Prisma, type PrismaTypes } from "@stagedoor/db";
import type { FacetColumns, FacetDelta } from "./facet-summary";
import type { CatalogSourceType, IngestionCounts, SourceLocation } from "./ingestion-types";
import { ORPHAN_LIST_LIMIT } from "./ingestion-types";
import type { ValidDocument } from "./parse-files";
import type { BatchPlan, ConflictRecord, SourceErrorRecord } from "./plan-ingestion";

type Tx = PrismaTypes.TransactionClient;

// The set-based writes of every ingestion: each statement covers every source of the set, so
// a page of repositories (import-source-set.ts) costs the same few statements as one
// repository, and one large source (import-catalog.ts) is the set of one, batch by batch.

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

// Rows per statement: big enough that round trips don't matter, small enough that one
// statement's parameters stay a few megabytes. A set is usually one statement of each kind.
const ENTITY_CHUNK = 2000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The facet columns an entity is stored with (the filter columns are lowercase, owner and system refs). */
export function storedFacets(doc: ValidDocument): FacetColumns {
  const f = doc.entity.fields;
  return {
    kind: f.kind.toLowerCase(),
    namespace: f.namespace.toLowerCase(),
    type: f.type?.toLowerCase() ?? null,
    lifecycle: f.lifecycle?.toLowerCase() ?? null,
    owner: f.owner,
    system: f.system,
    tags: f.tags.map((t) => t.toLowerCase()),
  };
}

/** What a source's ingestion ends with: what it emitted, refused and recorded. */
export type SourceEnd = {
  sourceId: string;
  emitted: string[];
  rejectedFiles: Map<string, CatalogError[]>;
  conflicts: ConflictRecord[];
  sourceErrors: SourceErrorRecord[];
};

/** The sources' ids, in input order, created where missing; their locations are refreshed. */
export async function ensureSources(
  tx: Tx,
  orgId: string,
  sources: Array<{ type: CatalogSourceType; key: string; location?: SourceLocation }>,
): Promise<string[]> {
  // Prisma fills in the cuid ids; existing sources are skipped here and updated below.
  await tx.catalogSource.createMany({
    data: sources.map(({ type, key, location }) => ({ orgId, type, key, ...(location ? { location } : {}) })),
    skipDuplicates: true,
  });
  const rows = JSON.stringify(sources.map(({ type, key, location }) => ({ type, key, location: location ?? null })));
  const found = await tx.$queryRaw<Array<{ id: string; type: string; key: string }>>`
    WITH u AS (SELECT * FROM jsonb_to_recordset(${rows}::jsonb) AS u(type text, key text, location jsonb)),
    updated AS (
      UPDATE "CatalogSource" s SET location = u.location, "updatedAt" = ${NOW}
      FROM u WHERE s."orgId" = ${orgId} AND s.type = u.type::"CatalogSourceType" AND s.key = u.key
        AND u.location IS NOT NULL
      RETURNING s.id, s.type::text AS type, s.key)
    SELECT id, type, key FROM updated
    UNION ALL
    SELECT s.id, s.type::text, s.key FROM "CatalogSource" s JOIN u ON s.type = u.type::"CatalogSourceType" AND s.key = u.key
    WHERE s."orgId" = ${orgId} AND u.location IS NULL`;
  const ids = new Map(found.map((r) => [`${r.type}:${r.key}`, r.id]));
  return sources.map(({ type, key }) => {
    const id = ids.get(`${type}:${key}`);
    if (!id) throw new Error(`Catalog source ${type}:${key} was neither found nor created.`);
    return id;
  });
}

/**
 * Orphans every entity of these sources that its source no longer emits, except those of a
 * refused file, which keep their last good version and show why. Returns, per source, how
 * many it orphaned and which (the first ORPHAN_LIST_LIMIT refs).
 */
export async function orphanUnemitted(
  tx: Tx,
  orgId: string,
  ends: SourceEnd[],
): Promise<Map<string, { count: number; refs: string[] }>> {
  const sources = JSON.stringify(
    ends.map((e) => ({ sourceId: e.sourceId, refs: e.emitted, refused: [...e.rejectedFiles.keys()] })),
  );
  const rows = await tx.$queryRaw<Array<{ sourceId: string; count: number; refs: string[] }>>`
    WITH x AS (SELECT * FROM jsonb_to_recordset(${sources}::jsonb) AS x("sourceId" text, refs text[], refused text[])),
    gone AS (
      UPDATE "CatalogEntity" e SET "orphanedAt" = ${NOW} FROM x
      WHERE e."orgId" = ${orgId} AND e."sourceId" = x."sourceId" AND e."orphanedAt" IS NULL
        AND e.file <> ALL(x.refused) AND NOT (e.ref = ANY(x.refs))
      RETURNING e."sourceId", e.ref)
    SELECT "sourceId", count(*)::int AS count, (array_agg(ref ORDER BY ref))[1:${ORPHAN_LIST_LIMIT}] AS refs
    FROM gone GROUP BY "sourceId"`;
  const refused = ends.flatMap((e) =>
    [...e.rejectedFiles].map(([file, errors]) => ({ sourceId: e.sourceId, file, errors, refs: e.emitted })),
  );
  if (refused.length) {
    await tx.$executeRaw`
      UPDATE "CatalogEntity" e SET errors = r.errors, "orphanedAt" = NULL
      FROM jsonb_to_recordset(${JSON.stringify(refused)}::jsonb) AS r("sourceId" text, file text, errors jsonb, refs text[])
      WHERE e."orgId" = ${orgId} AND e."sourceId" = r."sourceId" AND e.file = r.file AND NOT (e.ref = ANY(r.refs))`;
  }
  return new Map(rows.map((r) => [r.sourceId, { count: r.count, refs: r.refs }]));
}

/**
 * Every source's planned entity writes, relations and kept-last-good errors, in a few
 * statements: one per ENTITY_CHUNK entities writes them with their relations, so this
 * thread builds the next statement (or plans the next batch) while PostgreSQL works.
 */
export async function writeSourceSet(
  tx: Tx,
  orgId: string,
  sources: Array<{ sourceId: string; plan: BatchPlan }>,
  facets: FacetDelta,
): Promise<void> {
  const writes = sources.flatMap(({ sourceId, plan }) => plan.writes.map((write) => ({ sourceId, write })));
  for (const batch of chunks(writes, ENTITY_CHUNK)) {
    const written = new Set((await upsertEntities(tx, orgId, batch)).map((row) => row.ref));
    // Only rows the statement wrote count (its WHERE refuses another source's live entity).
    // An unchanged hash gives the same columns: the two cancel out.
    for (const { write } of batch) {
      if (!written.has(write.doc.entity.ref)) continue;
      if (write.before) facets.add(write.before, -1);
      facets.add(storedFacets(write.doc), 1);
    }
  }
  for (const batch of chunks(
    sources.flatMap(({ plan }) => plan.errorUpdates),
    ENTITY_CHUNK,
  )) {
    await tx.$executeRaw`
      UPDATE "CatalogEntity" e SET errors = u.errors, "orphanedAt" = NULL
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS u(id uuid, errors jsonb)
      WHERE e.id = u.id`;
  }
}

/** Replaces what the sources' previous ingestions recorded: conflicts and source-level errors. */
export async function replaceSourceRecords(
  tx: Tx,
  orgId: string,
  ends: Array<Pick<SourceEnd, "sourceId" | "conflicts" | "sourceErrors">>,
): Promise<void> {
  const ids = ends.map((e) => e.sourceId);
  await tx.$executeRaw`
    WITH conflicts AS (DELETE FROM "CatalogConflict" WHERE "orgId" = ${orgId} AND "sourceId" = ANY(${ids}::text[]))
    DELETE FROM "CatalogSourceError" WHERE "orgId" = ${orgId} AND "sourceId" = ANY(${ids}::text[])`;
  const conflicts = ends.flatMap((end) =>
    end.conflicts.map((c) => ({
      orgId,
      sourceId: end.sourceId,
      ref: c.ref,
      existingSourceId: c.existingSourceId,
      file: c.file,
      document: c.document,
      entity: c.entity ?? Prisma.DbNull,
    })),
  );
  if (conflicts.length) await tx.catalogConflict.createMany({ data: conflicts });
  const errors = ends.flatMap((end) => end.sourceErrors.map((e) => ({ orgId, sourceId: end.sourceId, ...e })));
  if (errors.length) await tx.catalogSourceError.createMany({ data: errors });
}

/** Each source's freshness and last counts, for all of them at once. */
export async function markSourcesIngested(
  tx: Tx,
  done: Array<{ sourceId: string; counts: IngestionCounts }>,
): Promise<void> {
  if (done.length === 0) return;
  const rows = JSON.stringify(done.map((d) => ({ id: d.sourceId, summary: d.counts })));
  await tx.$executeRaw`
    UPDATE "CatalogSource" s SET "lastIngestedAt" = (clock_timestamp() AT TIME ZONE 'UTC'),
      "updatedAt" = (clock_timestamp() AT TIME ZONE 'UTC'), "lastSummary" = u.summary
    FROM jsonb_to_recordset(${rows}::jsonb) AS u(id text, summary jsonb) WHERE s.id::text = u.id`;
}

async function upsertEntities(
  tx: Tx,
  orgId: string,
  writes: Array<{ sourceId: string; write: BatchPlan["writes"][number] }>,
) {
  const rows = writes.map(({ sourceId, write }) => {
    const { doc } = write;
    const f = doc.entity.fields;
    return {
      sourceId,
      ref: f.ref,
      ...storedFacets(doc),
      name: f.name.toLowerCase(),
      title: f.title,
      description: f.description,
      entity: doc.entity.entity,
      hash: doc.entity.hash,
      errors: doc.errors.length ? doc.errors : null,
      file: doc.file,
      document: doc.document,
      // Relations follow content: an existing entity's are replaced only when its hash changed.
      // Each pair once per origin already (deriveRelations). In the rows' JSON rather than as
      // arrays: Prisma and pg handle array parameters element by element, JSON in one pass.
      replaces: write.contentChanged && doc.outcome.status !== "created",
      relations: write.contentChanged ? doc.relations.map((r) => [r.sourceRef, r.type, r.targetRef]) : [],
    };
  });
  // Each row with its own source. The WHERE keeps the rule even if the plan were stale: never
  // take a live entity of another source. What comes back says which rows were written.
  return tx.$queryRaw<Array<{ ref: string }>>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("sourceId" text, ref text, kind text,
        namespace text, name text, title text, description text, type text, lifecycle text, owner text, system text,
        tags text[], entity jsonb, hash text, errors jsonb, file text, document int, replaces boolean,
        relations jsonb)),
    written AS (
      INSERT INTO "CatalogEntity" AS e ("orgId", "sourceId", ref, kind, namespace, name, title, description, type,
        lifecycle, owner, system, tags, entity, hash, errors, file, document, "createdAt", "updatedAt")
      SELECT ${orgId}, r."sourceId", r.ref, r.kind, r.namespace, r.name, r.title, r.description, r.type,
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
      RETURNING e.id, e.ref),
    -- One snapshot: the delete sees only the rows from before this statement, never those added.
    replaced AS (
      DELETE FROM "CatalogRelation" x USING written w JOIN r ON r.ref = w.ref
      WHERE r.replaces AND x."originId" = w.id),
    added AS (
      INSERT INTO "CatalogRelation" ("orgId", "originId", "sourceRef", type, "targetRef")
      SELECT ${orgId}, w.id, x.rel->>0, x.rel->>1, x.rel->>2
      FROM written w JOIN r ON r.ref = w.ref, jsonb_array_elements(r.relations) AS x(rel))
    SELECT w.ref FROM written w`;
}
