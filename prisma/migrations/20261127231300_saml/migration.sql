-- AlterTable
ALTER TABLE "SsoConnection" ADD COLUMN     "samlCertificates" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "samlMetadataUrl" TEXT,
ADD COLUMN     "samlSsoUrl" TEXT;

-- CreateTable
CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "testing" BOOLEAN NOT NULL DEFAULT false,
    "redirectTo" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SamlRequest_orgId_idx" ON "SamlRequest"("orgId");

-- CreateIndex
CREATE INDEX "SamlRequest_expiresAt_idx" ON "SamlRequest"("expiresAt");

-- AddForeignKey
ALTER TABLE "SamlRequest" ADD CONSTRAINT "SamlRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as for every tenant table (see 20261126072600_tenant_rls).
ALTER TABLE "SamlRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SamlRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SamlRequest" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "SamlRequest" TO stagedoor_admin USING (true) WITH CHECK (true);
