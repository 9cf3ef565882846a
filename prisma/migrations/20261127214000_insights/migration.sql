-- Insights (issue 13): portal usage analytics.
--
-- "InsightsEvent" is the raw, append-only event log, partitioned by month on "at" so that
-- retention drops whole partitions and the table can move to a column store (docs/insights.md).
-- Prisma cannot model a partitioned table: it is read and written with SQL only
-- (packages/core/src/insights), and the schema has no model for it. Partitions are created
-- by insights_ensure_month() (below), called by the writer for each month it writes.
CREATE TABLE "InsightsEvent" (
    "orgId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenId" TEXT,
    "plugin" TEXT,
    "page" TEXT,
    "entityRef" TEXT,
    "entityKind" TEXT,
    "entityOwner" TEXT,
    "entitySystem" TEXT,
    "query" TEXT,
    "resultCount" INTEGER,
    "clicked" TEXT,
    "milestone" TEXT
) PARTITION BY RANGE ("at");

CREATE INDEX "InsightsEvent_orgId_at_idx" ON "InsightsEvent"("orgId", "at");

-- Daily rollups, recomputed per org and day from the raw events (insights.rollup): one row
-- per dimension ('user', 'plugin', 'page', 'entity', 'search', 'milestone', 'api') and key.
CREATE TABLE "InsightsDailyRollup" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dimension" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "users" INTEGER NOT NULL,
    "zeroResults" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InsightsDailyRollup_pkey" PRIMARY KEY ("orgId","dimension","day","key")
);

CREATE INDEX "InsightsDailyRollup_orgId_dimension_key_day_idx" ON "InsightsDailyRollup"("orgId", "dimension", "key", "day");

-- Days that received events since their rollup was last computed.
CREATE TABLE "InsightsDirtyDay" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InsightsDirtyDay_pkey" PRIMARY KEY ("orgId","day")
);

CREATE TABLE "InsightsSettings" (
    "orgId" TEXT NOT NULL,
    "retentionMonths" INTEGER NOT NULL DEFAULT 13,
    "pseudonymize" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InsightsSettings_pkey" PRIMARY KEY ("orgId")
);

ALTER TABLE "InsightsDailyRollup" ADD CONSTRAINT "InsightsDailyRollup_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InsightsDirtyDay" ADD CONSTRAINT "InsightsDirtyDay_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InsightsSettings" ADD CONSTRAINT "InsightsSettings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Creates the month partition holding the given day when it is missing, as the role that ran the migration
-- (SECURITY DEFINER): the app roles may not create tables. Partitions are reached only
-- through the parent, whose RLS policies apply, and the app roles get no rights on them.
-- Two writers racing to create the same month: the loser finds it made and carries on.
CREATE FUNCTION insights_ensure_month(day DATE) RETURNS TEXT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS E'
DECLARE
  first DATE := date_trunc(\'month\', day)::date\073
  name TEXT := \'InsightsEvent_\' || to_char(first, \'YYYYMM\')\073
BEGIN
  IF to_regclass(quote_ident(name)) IS NULL THEN
    BEGIN
      EXECUTE format(\'CREATE TABLE %I PARTITION OF "InsightsEvent" FOR VALUES FROM (%L) TO (%L)\',
        name, first, (first + interval \'1 month\')::date)\073
      EXECUTE format(\'REVOKE ALL ON %I FROM stagedoor_app, stagedoor_admin\', name)\073
    EXCEPTION WHEN duplicate_table OR unique_violation THEN
      NULL\073
    END\073
  END IF\073
  RETURN name\073
END';
REVOKE ALL ON FUNCTION insights_ensure_month(DATE) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION insights_ensure_month(DATE) TO stagedoor_app, stagedoor_admin;

-- Drops the month partitions that end before the cutoff (retention past the longest setting).
CREATE FUNCTION insights_drop_months_before(cutoff DATE) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS E'
DECLARE
  part RECORD\073
  dropped INTEGER := 0\073
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = \'"InsightsEvent"\'::regclass AND c.relname ~ \'^InsightsEvent_[0-9]{6}$\'
  LOOP
    IF (to_date(substr(part.relname, 15), \'YYYYMM\') + interval \'1 month\')::date <= cutoff THEN
      EXECUTE format(\'DROP TABLE %I\', part.relname)\073
      dropped := dropped + 1\073
    END IF\073
  END LOOP\073
  RETURN dropped\073
END';
REVOKE ALL ON FUNCTION insights_drop_months_before(DATE) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION insights_drop_months_before(DATE) TO stagedoor_admin;

-- Row-Level Security (see 20261126072600_tenant_rls).
ALTER TABLE "InsightsEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InsightsEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InsightsEvent" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "InsightsEvent" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "InsightsDailyRollup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InsightsDailyRollup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InsightsDailyRollup" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "InsightsDailyRollup" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "InsightsDirtyDay" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InsightsDirtyDay" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InsightsDirtyDay" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "InsightsDirtyDay" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "InsightsSettings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "InsightsSettings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "InsightsSettings" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "InsightsSettings" TO stagedoor_admin USING (true) WITH CHECK (true);
