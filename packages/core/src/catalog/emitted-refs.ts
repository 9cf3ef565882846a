import { Prisma, type PrismaTypes } from "@stagedoor/db";
import type { CatalogError } from "@stagedoor/catalog";
import { ORPHAN_LIST_LIMIT } from "./ingestion-types";

type Tx = PrismaTypes.TransactionClient;

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * The refs one ingestion has emitted so far, and where each was first defined, kept in a
 * temporary table of the ingestion's own transaction rather than in this process: memory
 * then stays flat however large the source (a million refs would be hundreds of MB here).
 * It answers the two source-wide questions batches cannot: "was this ref defined in an
 * earlier batch?" (a duplicate) and, at the end, "which stored entities were not emitted?"
 * (orphans). Temporary tables are per session and dropped at commit: no tenancy involved.
 */
export async function startEmittedRefs(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    "CREATE TEMPORARY TABLE IF NOT EXISTS ingestion_emitted_refs (ref text PRIMARY KEY, at text NOT NULL) ON COMMIT DROP",
  );
  // One transaction may ingest several sources one after another (a GitHub page).
  await tx.$executeRawUnsafe("TRUNCATE ingestion_emitted_refs");
}

/** Where each of these refs was defined by an earlier batch, if it was. */
export async function earlierDefinitions(tx: Tx, refs: string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ ref: string; at: string }>>`
    SELECT ref, at FROM ingestion_emitted_refs WHERE ref = ANY(${refs}::text[])`;
  return new Map(rows.map((r) => [r.ref, r.at]));
}

export async function recordEmitted(tx: Tx, refs: Array<[ref: string, at: string]>): Promise<void> {
  if (refs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO ingestion_emitted_refs (ref, at)
    SELECT * FROM unnest(${refs.map((r) => r[0])}::text[], ${refs.map((r) => r[1])}::text[])`;
}

/**
 * After the last batch: the source's entities it did not emit are orphaned (counted and,
 * unless a dry run, marked), except those of a refused file, which says nothing about its
 * entities: they stay, showing why. Already orphaned entities are not orphaned again.
 */
export async function orphanUnemitted(
  tx: Tx,
  orgId: string,
  sourceId: string,
  rejectedFiles: Map<string, CatalogError[]>,
  apply: boolean,
): Promise<{ count: number; refs: string[] }> {
  // Temporary tables are never analysed automatically; without statistics the anti-join
  // below may be planned for a handful of rows.
  await tx.$executeRawUnsafe("ANALYZE ingestion_emitted_refs");
  const refused = [...rejectedFiles.keys()];
  const unemitted = Prisma.sql`
    e."orgId" = ${orgId} AND e."sourceId" = ${sourceId} AND e."orphanedAt" IS NULL
    AND e.file <> ALL(${refused}::text[])
    AND NOT EXISTS (SELECT 1 FROM ingestion_emitted_refs s WHERE s.ref = e.ref)`;
  const gone = apply
    ? Prisma.sql`UPDATE "CatalogEntity" e SET "orphanedAt" = ${NOW} WHERE ${unemitted} RETURNING e.ref`
    : Prisma.sql`SELECT e.ref FROM "CatalogEntity" e WHERE ${unemitted}`;
  const [row] = await tx.$queryRaw<Array<{ count: number; refs: string[] }>>`
    WITH gone AS (${gone})
    SELECT (SELECT count(*)::int FROM gone) AS count,
           ARRAY(SELECT ref FROM gone ORDER BY ref LIMIT ${ORPHAN_LIST_LIMIT}) AS refs`;
  if (apply && refused.length) {
    const errors = JSON.stringify([...rejectedFiles].map(([file, errs]) => ({ file, errors: errs })));
    await tx.$executeRaw`
      UPDATE "CatalogEntity" e SET errors = r.errors, "orphanedAt" = NULL
      FROM jsonb_to_recordset(${errors}::jsonb) AS r(file text, errors jsonb)
      WHERE e."orgId" = ${orgId} AND e."sourceId" = ${sourceId} AND e.file = r.file
        AND NOT EXISTS (SELECT 1 FROM ingestion_emitted_refs s WHERE s.ref = e.ref)`;
  }
  return row ?? { count: 0, refs: [] };
}
