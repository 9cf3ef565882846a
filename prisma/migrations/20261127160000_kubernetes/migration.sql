-- Kubernetes provider (issue 10): current state per entity and cluster, and recent problems.
-- CreateTable
CREATE TABLE "KubernetesEntityState" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "entityRef" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "health" TEXT NOT NULL,
    "problemCount" INTEGER NOT NULL,
    "podCount" INTEGER NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "staleReason" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KubernetesEntityState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KubernetesProblem" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "entityRef" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "container" TEXT,
    "message" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "fix" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "KubernetesProblem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KubernetesEntityState_orgId_entityRef_idx" ON "KubernetesEntityState"("orgId", "entityRef");

-- CreateIndex
CREATE UNIQUE INDEX "KubernetesEntityState_orgId_integrationId_entityRef_key" ON "KubernetesEntityState"("orgId", "integrationId", "entityRef");

-- CreateIndex
CREATE INDEX "KubernetesProblem_orgId_resolvedAt_lastSeenAt_idx" ON "KubernetesProblem"("orgId", "resolvedAt", "lastSeenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "KubernetesProblem_orgId_integrationId_entityRef_fingerprint_key" ON "KubernetesProblem"("orgId", "integrationId", "entityRef", "fingerprint");

-- AddForeignKey
ALTER TABLE "KubernetesEntityState" ADD CONSTRAINT "KubernetesEntityState_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KubernetesEntityState" ADD CONSTRAINT "KubernetesEntityState_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KubernetesProblem" ADD CONSTRAINT "KubernetesProblem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KubernetesProblem" ADD CONSTRAINT "KubernetesProblem_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security, as for every tenant table (see 20261126072600_tenant_rls).
ALTER TABLE "KubernetesEntityState" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "KubernetesEntityState" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "KubernetesEntityState" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "KubernetesEntityState" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "KubernetesProblem" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "KubernetesProblem" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "KubernetesProblem" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "KubernetesProblem" TO stagedoor_admin USING (true) WITH CHECK (true);
