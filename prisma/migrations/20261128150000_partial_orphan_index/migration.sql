-- Only orphans are looked up by "orphanedAt" (the purge asks for "orphanedAt" < cutoff), so
-- live entities, nearly all rows, no longer pay an index entry on every write.
DROP INDEX "CatalogEntity_orphanedAt_idx";

CREATE INDEX "CatalogEntity_orphanedAt_idx" ON "CatalogEntity"("orphanedAt") WHERE "orphanedAt" IS NOT NULL;
