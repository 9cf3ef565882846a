-- CreateEnum
CREATE TYPE "CatalogSourceType" AS ENUM ('PUSH', 'GITHUB');

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogSource" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "type" "CatalogSourceType" NOT NULL,
    "key" TEXT NOT NULL,
    "lastIngestedAt" TIMESTAMP(3),
    "lastSummary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogEntity" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "orgId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT,
    "type" TEXT,
    "lifecycle" TEXT,
    "owner" TEXT,
    "system" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "entity" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "errors" JSONB,
    "file" TEXT NOT NULL,
    "document" INTEGER NOT NULL,
    "orphanedAt" TIMESTAMP(3),
    -- Kept by PostgreSQL itself: names and titles weigh most, then tags, then descriptions.
    -- The 'simple' configuration (no stemming) because names are identifiers, not prose.
    "search" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', "name"), 'A')
        || setweight(to_tsvector('simple', coalesce("title", '')), 'A')
        || setweight(array_to_tsvector(coalesce("tags", '{}')), 'B')
        || setweight(to_tsvector('simple', coalesce("description", '')), 'C')
    ) STORED,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogRelation" (
    "orgId" TEXT NOT NULL,
    "originId" UUID NOT NULL,
    "sourceRef" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "targetRef" TEXT NOT NULL,

    CONSTRAINT "CatalogRelation_pkey" PRIMARY KEY ("orgId","sourceRef","type","targetRef","originId")
);

-- CreateTable
CREATE TABLE "CatalogConflict" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "existingSourceId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "document" INTEGER NOT NULL,
    "entity" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogSourceError" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "document" INTEGER NOT NULL,
    "ref" TEXT,
    "errors" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogSourceError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogFacetCount" (
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "CatalogFacetCount_pkey" PRIMARY KEY ("orgId","kind","facet")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_orgId_createdAt_idx" ON "ApiToken"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogSource_orgId_type_key_key" ON "CatalogSource"("orgId", "type", "key");

-- CreateIndex
CREATE INDEX "CatalogEntity_orgId_name_ref_idx" ON "CatalogEntity"("orgId", "name", "ref");

-- CreateIndex
CREATE INDEX "CatalogEntity_orgId_kind_name_ref_idx" ON "CatalogEntity"("orgId", "kind", "name", "ref");

-- CreateIndex
CREATE INDEX "CatalogEntity_orgId_updatedAt_ref_idx" ON "CatalogEntity"("orgId", "updatedAt", "ref");

-- CreateIndex
CREATE INDEX "CatalogEntity_facets_idx" ON "CatalogEntity"("orgId", "kind", "type", "lifecycle", "owner", "system", "namespace", "tags");

-- CreateIndex
CREATE INDEX "CatalogEntity_orgId_owner_idx" ON "CatalogEntity"("orgId", "owner");

-- CreateIndex
CREATE INDEX "CatalogEntity_orgId_system_idx" ON "CatalogEntity"("orgId", "system");

-- CreateIndex
CREATE INDEX "CatalogEntity_sourceId_idx" ON "CatalogEntity"("sourceId");

-- CreateIndex
CREATE INDEX "CatalogEntity_orphanedAt_idx" ON "CatalogEntity"("orphanedAt");

-- CreateIndex
CREATE INDEX "CatalogEntity_tags_idx" ON "CatalogEntity" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "CatalogEntity_search_idx" ON "CatalogEntity" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogEntity_orgId_ref_key" ON "CatalogEntity"("orgId", "ref");

-- CreateIndex
CREATE INDEX "CatalogRelation_originId_idx" ON "CatalogRelation"("originId");

-- CreateIndex
CREATE INDEX "CatalogConflict_orgId_ref_idx" ON "CatalogConflict"("orgId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogConflict_sourceId_ref_key" ON "CatalogConflict"("sourceId", "ref");

-- CreateIndex
CREATE INDEX "CatalogSourceError_sourceId_file_document_idx" ON "CatalogSourceError"("sourceId", "file", "document");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogSource" ADD CONSTRAINT "CatalogSource_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogEntity" ADD CONSTRAINT "CatalogEntity_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogEntity" ADD CONSTRAINT "CatalogEntity_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CatalogSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogFacetCount" ADD CONSTRAINT "CatalogFacetCount_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogConflict" ADD CONSTRAINT "CatalogConflict_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CatalogSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogSourceError" ADD CONSTRAINT "CatalogSourceError_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "CatalogSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security for the catalog and API token tables (see 20261126072600_tenant_rls).
ALTER TABLE "ApiToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApiToken" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiToken" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "ApiToken" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogSource" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogSource" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogSource" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogSource" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogEntity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogEntity" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogEntity" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogEntity" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogRelation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogRelation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogRelation" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogRelation" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogConflict" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogConflict" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogConflict" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogConflict" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogSourceError" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogSourceError" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogSourceError" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogSourceError" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogFacetCount" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogFacetCount" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogFacetCount" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogFacetCount" TO stagedoor_admin USING (true) WITH CHECK (true);

-- Relations have no foreign key (one RI check per row would slow bulk ingestion by a
-- third), so this trigger removes the rows an entity declared when the entity goes:
-- purged orphans, and entities deleted with their org. Set-based, once per statement.
-- The body writes its semicolons as \073 (see 20261126072600_tenant_rls).
CREATE FUNCTION catalog_entity_deleted() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  DELETE FROM "CatalogRelation" r USING gone g WHERE r."originId" = g.id\073
  RETURN NULL\073
END';
CREATE TRIGGER catalog_entity_deleted AFTER DELETE ON "CatalogEntity"
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION catalog_entity_deleted();

-- Reading entities: a view that does what the tenant policy does, so indexes work.
--
-- Under a row security policy PostgreSQL only uses an index for a condition whose
-- operator is LEAKPROOF, and @@ (tsvector) and && (arrays) are not: as stagedoor_app
-- the GIN indexes above would never be used, and every search or tag filter would read
-- the whole org. This view is owned by stagedoor_admin (whose policy is USING (true)),
-- restricts itself to the org of the transaction exactly as tenant_isolation does, and
-- is not a security barrier, so the planner may use any index. Tenant reads of entities
-- go through it (packages/core/src/catalog). What a tenant can see is unchanged: only
-- its org's rows, and none when no org is set. Writes still go to the table, under RLS.
-- A view fixes its column list when created: recreate it when the table gains columns.
CREATE VIEW catalog_entities AS
  SELECT * FROM "CatalogEntity" WHERE "orgId" = current_setting('app.org_id', true);

-- Handing the view to another role needs CREATE on its schema (PostgreSQL 15 no longer
-- grants it to PUBLIC), so it is granted for that one statement and taken back.
GRANT CREATE ON SCHEMA public TO stagedoor_admin;
ALTER VIEW catalog_entities OWNER TO stagedoor_admin;
REVOKE CREATE ON SCHEMA public FROM stagedoor_admin;
-- Default privileges granted it DML for stagedoor_app, but a view writes as its owner, so
-- reading is all a tenant may do through it.
REVOKE ALL ON catalog_entities FROM PUBLIC, stagedoor_app;
GRANT SELECT ON catalog_entities TO stagedoor_app;
