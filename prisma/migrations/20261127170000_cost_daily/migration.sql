-- Cloud cost aggregates (FOCUS exports, issue 10): daily rows per org, integration, day,
-- currency, service and allocation, plus one row per import. No line items are stored.
CREATE TABLE "CostDaily" (
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "currency" TEXT NOT NULL,
    "serviceName" TEXT NOT NULL,
    "allocatedBy" TEXT NOT NULL,
    "allocationValue" TEXT NOT NULL,
    "entityRef" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "billedCost" DECIMAL(24,8) NOT NULL,
    "effectiveCost" DECIMAL(24,8) NOT NULL,
    "rowCount" INTEGER NOT NULL,

    CONSTRAINT "CostDaily_pkey" PRIMARY KEY ("orgId","integrationId","day","currency","serviceName","allocatedBy","allocationValue")
);

CREATE TABLE "CostImport" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "rowsRejected" INTEGER NOT NULL,
    "rejected" JSONB NOT NULL DEFAULT '[]',
    "firstDay" DATE,
    "lastDay" DATE,
    "currencies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "aggregates" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostImport_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "CostDaily_orgId_day_idx" ON "CostDaily"("orgId", "day");
CREATE INDEX "CostDaily_orgId_entityRef_day_idx" ON "CostDaily"("orgId", "entityRef", "day");
CREATE INDEX "CostImport_orgId_integrationId_createdAt_idx" ON "CostImport"("orgId", "integrationId", "createdAt");

ALTER TABLE "CostDaily" ADD CONSTRAINT "CostDaily_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CostDaily" ADD CONSTRAINT "CostDaily_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CostImport" ADD CONSTRAINT "CostImport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CostImport" ADD CONSTRAINT "CostImport_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security (see 20261126072600_tenant_rls).
ALTER TABLE "CostDaily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CostDaily" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CostDaily" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CostDaily" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "CostImport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CostImport" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CostImport" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CostImport" TO stagedoor_admin USING (true) WITH CHECK (true);
