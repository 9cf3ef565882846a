-- Ending a member's access (SCIM deprovisioning, removal by an admin) signs them out at
-- once, from a tenant-bound transaction: stagedoor_app may read and delete the sessions
-- of users who are members of the transaction's org, and nothing else in "Session".
-- Auth.js keeps using the admin role for its own reads and writes.
GRANT SELECT, DELETE ON "Session" TO stagedoor_app;
ALTER TABLE "Session" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Session" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_members ON "Session" FOR ALL TO stagedoor_app
  USING (EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "Session"."userId" AND m."orgId" = current_setting('app.org_id', true)));
CREATE POLICY admin_access ON "Session" TO stagedoor_admin USING (true) WITH CHECK (true);
