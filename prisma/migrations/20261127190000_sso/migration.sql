-- CreateEnum
CREATE TYPE "SsoConnectionStatus" AS ENUM ('draft', 'tested', 'enabled');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "requireSso" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionIdleMinutes" INTEGER,
ADD COLUMN     "sessionMaxMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "ssoOrgId" TEXT;

-- CreateTable
CREATE TABLE "SsoConnection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "protocol" TEXT NOT NULL DEFAULT 'oidc',
    "issuer" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretCiphertext" TEXT NOT NULL,
    "status" "SsoConnectionStatus" NOT NULL DEFAULT 'draft',
    "testedAt" TIMESTAMP(3),
    "testedBy" TEXT,
    "lastError" TEXT,
    "defaultRole" "Role" NOT NULL DEFAULT 'MEMBER',
    "groupsClaim" TEXT,
    "groupRoles" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerifiedDomain" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "verifiedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VerifiedDomain_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoConnection_orgId_key" ON "SsoConnection"("orgId");

-- CreateIndex
CREATE INDEX "VerifiedDomain_domain_idx" ON "VerifiedDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "VerifiedDomain_orgId_domain_key" ON "VerifiedDomain"("orgId", "domain");

-- AddForeignKey
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerifiedDomain" ADD CONSTRAINT "VerifiedDomain_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A domain is verified for one org at most (home-realm discovery must have one answer).
CREATE UNIQUE INDEX "VerifiedDomain_domain_verified_key" ON "VerifiedDomain"("domain") WHERE "verifiedAt" IS NOT NULL;

-- Tenant isolation, as for every tenant table (see 20261126072600_tenant_rls).
ALTER TABLE "SsoConnection" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SsoConnection" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SsoConnection" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "SsoConnection" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "VerifiedDomain" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "VerifiedDomain" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "VerifiedDomain" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "VerifiedDomain" TO stagedoor_admin USING (true) WITH CHECK (true);
