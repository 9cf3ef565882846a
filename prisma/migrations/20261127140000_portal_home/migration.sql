-- AlterTable
ALTER TABLE "User" ADD COLUMN     "githubLogin" TEXT;

-- CreateTable
CREATE TABLE "CatalogStar" (
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entityRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogStar_pkey" PRIMARY KEY ("orgId","userId","entityRef")
);

-- CreateTable
CREATE TABLE "CatalogRecentView" (
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entityRef" TEXT NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogRecentView_pkey" PRIMARY KEY ("orgId","userId","entityRef")
);

-- CreateIndex
CREATE INDEX "CatalogRecentView_orgId_userId_viewedAt_idx" ON "CatalogRecentView"("orgId", "userId", "viewedAt" DESC);

-- AddForeignKey
ALTER TABLE "CatalogStar" ADD CONSTRAINT "CatalogStar_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogStar" ADD CONSTRAINT "CatalogStar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogRecentView" ADD CONSTRAINT "CatalogRecentView_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogRecentView" ADD CONSTRAINT "CatalogRecentView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as on every tenant table (see 20261126072600_tenant_rls).
ALTER TABLE "CatalogStar" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogStar" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogStar" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogStar" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CatalogRecentView" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CatalogRecentView" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CatalogRecentView" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CatalogRecentView" TO stagedoor_admin USING (true) WITH CHECK (true);

-- Typo-tolerant search: trigram similarity on names and titles. pg_trgm ships with
-- PostgreSQL's contrib (and is a trusted extension, so the schema owner may create it);
-- PGlite loads it when its server starts with --extensions=pg_trgm (infra/local/start.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "CatalogEntity_name_trgm_idx" ON "CatalogEntity" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "CatalogEntity_title_trgm_idx" ON "CatalogEntity" USING GIN (lower("title") gin_trgm_ops);

-- Matching a signed-in member to their catalog User (packages/core/src/home/member-identity.ts):
-- by spec.profile.email, or by GitHub login (the github.com/user-login annotation, which
-- the GitHub sync writes). Expression indexes, so the lookup stays one index probe.
CREATE INDEX "CatalogEntity_user_email_idx" ON "CatalogEntity" ("orgId", lower("entity" #>> '{spec,profile,email}')) WHERE "kind" = 'user';
CREATE INDEX "CatalogEntity_user_login_idx" ON "CatalogEntity" ("orgId", lower("entity" #>> '{metadata,annotations,github.com/user-login}')) WHERE "kind" = 'user';
