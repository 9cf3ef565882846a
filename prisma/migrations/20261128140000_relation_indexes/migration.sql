-- Relation rows lose their five-column primary key (see the CatalogRelation model): an
-- (orgId, sourceRef) index serves every read, the originId index every replacement.
ALTER TABLE "CatalogRelation" DROP CONSTRAINT "CatalogRelation_pkey";

CREATE INDEX "CatalogRelation_orgId_sourceRef_idx" ON "CatalogRelation"("orgId", "sourceRef");
