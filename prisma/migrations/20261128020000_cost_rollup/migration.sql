-- Cost Insights at volume (issue 10): pre-summed daily effective cost per team, system and
-- component (and allocated/unallocated), written by each import in its transaction, so the
-- page sums a few thousand rows instead of every CostDaily aggregate.
CREATE TABLE "CostRollup" (
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "span" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "key" TEXT NOT NULL,
    "effectiveCost" DECIMAL(24,8) NOT NULL,

    CONSTRAINT "CostRollup_pkey" PRIMARY KEY ("orgId","dimension","currency","span","day","key","integrationId")
);

CREATE INDEX "CostRollup_orgId_integrationId_day_idx" ON "CostRollup"("orgId", "integrationId", "day");

ALTER TABLE "CostRollup" ADD CONSTRAINT "CostRollup_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An org's cost rows go with its integrations (cascade): the org foreign key only added a
-- check per inserted row to every import.
ALTER TABLE "CostDaily" DROP CONSTRAINT "CostDaily_orgId_fkey";

-- The page no longer reads CostDaily by day: one index less makes each import cheaper.
DROP INDEX "CostDaily_orgId_day_idx";

-- Existing aggregates, summed once.
INSERT INTO "CostRollup" ("orgId", "integrationId", "currency", "dimension", "span", "day", "key", "effectiveCost")
SELECT "orgId", "integrationId", currency,
  CASE WHEN GROUPING(team) = 0 THEN 'team' WHEN GROUPING(system) = 0 THEN 'system'
       WHEN GROUPING("entityRef") = 0 THEN 'entity' ELSE 'bucket' END,
  'day', day,
  COALESCE(team, system, "entityRef", CASE WHEN "allocatedBy" = '' THEN 'unallocated' ELSE 'allocated' END),
  SUM("effectiveCost")
FROM "CostDaily"
GROUP BY "orgId", "integrationId", currency, day,
  GROUPING SETS ((team), (system), ("entityRef"), ((CASE WHEN "allocatedBy" = '' THEN 'unallocated' ELSE 'allocated' END)));

INSERT INTO "CostRollup" ("orgId", "integrationId", "currency", "dimension", "span", "day", "key", "effectiveCost")
SELECT "orgId", "integrationId", currency, dimension, 'week', date_trunc('week', day::timestamp)::date, key, SUM("effectiveCost")
FROM "CostRollup" WHERE span = 'day' AND dimension <> 'bucket'
GROUP BY "orgId", "integrationId", currency, dimension, date_trunc('week', day::timestamp)::date, key;

-- Row-Level Security (see 20261126072600_tenant_rls).
ALTER TABLE "CostRollup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "CostRollup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CostRollup" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "CostRollup" TO stagedoor_admin USING (true) WITH CHECK (true);
