-- Row-Level Security: the backstop behind the tenant-bound client (packages/db).
--
-- The application connects with one database role (DATABASE_URL) and never queries as
-- that role directly: every transaction first switches, with SET LOCAL ROLE, to
--   stagedoor_app    tenant queries, sees only rows of the org in `app.org_id`
--   stagedoor_admin  the few explicit cross-org needs (sign-in, org creation, webhooks)
-- Neither role is a superuser or has BYPASSRLS, and RLS is FORCEd, so the table owner
-- (the connecting role, when it is not a superuser) sees nothing through a query that
-- forgot to go through either client.

-- Roles are cluster-wide, so they are created only when missing. The PL/pgSQL bodies
-- write their semicolons as \073 inside E'' strings: some migration runners (Prisma's
-- driver-adapter engine among them) split scripts on every semicolon.
DO E'BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \'stagedoor_app\') THEN
    CREATE ROLE stagedoor_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073
  END IF\073
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \'stagedoor_admin\') THEN
    CREATE ROLE stagedoor_admin NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE\073
  END IF\073
END';

-- The connecting role must be able to SET ROLE to both (superusers already can).
DO E'BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format(\'GRANT stagedoor_app, stagedoor_admin TO %I\', current_user)\073
  END IF\073
END';

GRANT USAGE ON SCHEMA public TO stagedoor_app, stagedoor_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stagedoor_admin;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stagedoor_admin, stagedoor_app;

-- Tenant code reads users only through memberships and never touches Auth.js tables.
GRANT SELECT ON "User" TO stagedoor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Organization", "Membership", "Invitation", "AuditLog" TO stagedoor_app;
REVOKE ALL ON "Account", "Session", "VerificationToken" FROM stagedoor_app;

-- A tenant row is visible to stagedoor_app only when it belongs to the transaction's org.
-- current_setting(..., true) is NULL or '' when no org was set: then nothing matches.
ALTER TABLE "Organization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Organization" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Organization" TO stagedoor_app
  USING ("id" = current_setting('app.org_id', true))
  WITH CHECK ("id" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "Organization" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "Membership" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "Invitation" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "AuditLog" TO stagedoor_admin USING (true) WITH CHECK (true);

-- Users are global, but a tenant sees only the users who are members of its org.
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_members ON "User" FOR SELECT TO stagedoor_app
  USING (EXISTS (
    SELECT 1 FROM "Membership" m
    WHERE m."userId" = "User"."id" AND m."orgId" = current_setting('app.org_id', true)
  ));
CREATE POLICY admin_access ON "User" TO stagedoor_admin USING (true) WITH CHECK (true);
