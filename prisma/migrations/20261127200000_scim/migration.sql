-- SCIM 2.0 provisioning: per-org bearer tokens, provisioned users and groups, and a
-- catalog source type of their own. (The engine shim splits on every semicolon, so
-- comments here avoid them.)
ALTER TYPE "CatalogSourceType" ADD VALUE 'SCIM';

-- CreateTable
CREATE TABLE "ScimToken" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScimToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimUser" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "userNameKey" TEXT NOT NULL,
    "externalId" TEXT,
    "displayName" TEXT,
    "name" JSONB NOT NULL DEFAULT '{}',
    "emails" JSONB NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroup" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "externalId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScimGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScimGroupMember" (
    "orgId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ScimGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScimToken_tokenHash_key" ON "ScimToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ScimToken_orgId_createdAt_idx" ON "ScimToken"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ScimUser_orgId_externalId_idx" ON "ScimUser"("orgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimUser_orgId_userNameKey_key" ON "ScimUser"("orgId", "userNameKey");

-- CreateIndex
CREATE INDEX "ScimGroup_orgId_displayName_idx" ON "ScimGroup"("orgId", "displayName");

-- CreateIndex
CREATE INDEX "ScimGroupMember_userId_idx" ON "ScimGroupMember"("userId");

-- AddForeignKey
ALTER TABLE "ScimToken" ADD CONSTRAINT "ScimToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimUser" ADD CONSTRAINT "ScimUser_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroup" ADD CONSTRAINT "ScimGroup_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ScimGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScimGroupMember" ADD CONSTRAINT "ScimGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ScimUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see 20261126072600_tenant_rls)
ALTER TABLE "ScimToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScimToken" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScimToken" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "ScimToken" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "ScimUser" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScimUser" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScimUser" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "ScimUser" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "ScimGroup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScimGroup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScimGroup" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "ScimGroup" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "ScimGroupMember" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ScimGroupMember" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScimGroupMember" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "ScimGroupMember" TO stagedoor_admin USING (true) WITH CHECK (true);
