import { Prisma, type PrismaTypes } from "@stagedoor/db";
import type { ExistingEntity } from "./plan-ingestion";

// What every ingestion plans against: the org's catalog lock, and the stored entities its refs
// already name. The writes are write-source-set.ts's.

type Tx = PrismaTypes.TransactionClient;

/** Serialises ingestion per org, so conflict checks between sources see settled state. */
export async function lockOrgCatalog(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`catalog:${orgId}`}, 0))`;
}

const EXISTING_COLUMNS = Prisma.sql`
  e.id, e.ref, e."sourceId", s.key AS "sourceKey", e.hash, e.file, e.document,
  e."orphanedAt" IS NOT NULL AS orphaned, e.errors IS NOT NULL AS "hasErrors",
  jsonb_build_object('kind', e.kind, 'namespace', e.namespace, 'type', e.type, 'lifecycle', e.lifecycle,
    'owner', e.owner, 'system', e.system, 'tags', to_jsonb(e.tags)) AS facets`;

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
