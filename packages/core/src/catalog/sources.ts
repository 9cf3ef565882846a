import { Prisma, type PrismaTypes, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import type { CatalogSourceType, SourceLocation } from "./ingestion-types";
import { authorize, type Principal } from "../authz";

const SOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

export const DEFAULT_PUSH_SOURCE = "default";

export function assertValidSourceKey(key: string): void {
  if (!SOURCE_KEY.test(key)) {
    throw new AppError(
      "BAD_REQUEST",
      "Source names are 1-100 characters of letters, digits, '.', '_', '-' and '/', starting with a letter or digit.",
      { source: "Invalid source name." },
    );
  }
}

type Tx = PrismaTypes.TransactionClient;

export async function findSource(tx: Tx, type: CatalogSourceType, key: string) {
  return tx.catalogSource.findFirst({ where: { type, key }, select: { id: true } });
}

export async function ensureSource(
  tx: Tx,
  orgId: string,
  type: CatalogSourceType,
  key: string,
  location?: SourceLocation,
) {
  return tx.catalogSource.upsert({
    where: { orgId_type_key: { orgId, type, key } },
    create: { orgId, type, key, ...(location ? { location } : {}) },
    update: location ? { location } : {},
    select: { id: true },
  });
}

export type CatalogSourceSummary = {
  id: string;
  type: CatalogSourceType;
  key: string;
  lastIngestedAt: Date | null;
  lastSummary: unknown;
  entityCount: number;
  orphanCount: number;
  errorCount: number;
  conflictCount: number;
};

/** Every source of the org with its freshness and what needs attention. */
export async function listCatalogSources(db: TenantDb, by: Principal): Promise<CatalogSourceSummary[]> {
  authorize(by, "catalog.read");
  return db.sql.one<CatalogSourceSummary>(Prisma.sql`
      SELECT s.id, s.type::text AS type, s.key, s."lastIngestedAt", s."lastSummary",
        (SELECT count(*)::int FROM "CatalogEntity" e WHERE e."sourceId" = s.id) AS "entityCount",
        (SELECT count(*)::int FROM "CatalogEntity" e WHERE e."sourceId" = s.id AND e."orphanedAt" IS NOT NULL) AS "orphanCount",
        (SELECT count(*)::int FROM "CatalogSourceError" x WHERE x."sourceId" = s.id) AS "errorCount",
        (SELECT count(*)::int FROM "CatalogConflict" c WHERE c."sourceId" = s.id) AS "conflictCount"
      FROM "CatalogSource" s WHERE s."orgId" = ${db.orgId} ORDER BY s.type, s.key`);
}
