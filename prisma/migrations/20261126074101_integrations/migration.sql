-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "onboardingCompletedAt" TIMESTAMP(3),
ADD COLUMN     "onboardingSteps" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "credentialsCiphertext" TEXT NOT NULL,
    "webhookSecretCiphertext" TEXT,
    "status" TEXT NOT NULL DEFAULT 'connected',
    "statusMessage" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "pausedUntil" TIMESTAMP(3),
    "reposScanned" INTEGER NOT NULL DEFAULT 0,
    "filesFound" INTEGER NOT NULL DEFAULT 0,
    "entitiesCreated" INTEGER NOT NULL DEFAULT 0,
    "entitiesUpdated" INTEGER NOT NULL DEFAULT 0,
    "entitiesUnchanged" INTEGER NOT NULL DEFAULT 0,
    "entitiesOrphaned" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "apiRequests" INTEGER NOT NULL DEFAULT 0,
    "rateLimitRemaining" INTEGER,
    "checkpoint" JSONB NOT NULL DEFAULT '{}',
    "message" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "runId" BIGINT NOT NULL,
    "workflowName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "branch" TEXT,
    "commitSha" TEXT,
    "actor" TEXT,
    "event" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationSeconds" INTEGER,
    "url" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Integration_orgId_idx" ON "Integration"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_orgId_provider_name_key" ON "Integration"("orgId", "provider", "name");

-- CreateIndex
CREATE INDEX "SyncRun_orgId_integrationId_startedAt_idx" ON "SyncRun"("orgId", "integrationId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_orgId_receivedAt_idx" ON "WebhookDelivery"("orgId", "receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_integrationId_deliveryId_key" ON "WebhookDelivery"("integrationId", "deliveryId");

-- CreateIndex
CREATE INDEX "WorkflowRun_orgId_repository_startedAt_idx" ON "WorkflowRun"("orgId", "repository", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowRun_orgId_repository_runId_key" ON "WorkflowRun"("orgId", "repository", "runId");

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowRun" ADD CONSTRAINT "WorkflowRun_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-Level Security for the new tenant tables (see 20261126072600_tenant_rls).
ALTER TABLE "Integration" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Integration" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Integration" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "Integration" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "SyncRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "SyncRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SyncRun" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "SyncRun" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "WebhookDelivery" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WebhookDelivery" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WebhookDelivery" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "WebhookDelivery" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "WorkflowRun" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkflowRun" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkflowRun" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "WorkflowRun" TO stagedoor_admin USING (true) WITH CHECK (true);
