-- Billing and premium plugin licenses (issue 11). OrgBilling is the org's effective
-- entitlements, computed from its Stripe subscription, PluginLicense a seat held by a member
-- (the composite key to Membership keeps seats inside their org), StripeEvent makes the
-- webhook idempotent by event id.

-- CreateTable
CREATE TABLE "OrgBilling" (
    "orgId" TEXT NOT NULL,
    "stripeCustomerId" TEXT,
    "stripeSubscriptionId" TEXT,
    "plan" TEXT NOT NULL DEFAULT 'free',
    "status" TEXT NOT NULL DEFAULT 'none',
    "memberLimit" INTEGER,
    "pluginSeats" JSONB NOT NULL DEFAULT '{}',
    "currentPeriodEnd" TIMESTAMP(3),
    "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
    "graceEndsAt" TIMESTAMP(3),
    "pluginTrialEndsAt" TIMESTAMP(3),
    "pluginTrialUsedAt" TIMESTAMP(3),
    "lastEventCreated" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgBilling_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "PluginLicense" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "pluginKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PluginLicense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "orgId" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrgBilling_stripeCustomerId_key" ON "OrgBilling"("stripeCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgBilling_stripeSubscriptionId_key" ON "OrgBilling"("stripeSubscriptionId");

-- CreateIndex
CREATE INDEX "PluginLicense_orgId_userId_idx" ON "PluginLicense"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "PluginLicense_orgId_pluginKey_userId_key" ON "PluginLicense"("orgId", "pluginKey", "userId");

-- AddForeignKey
ALTER TABLE "OrgBilling" ADD CONSTRAINT "OrgBilling_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PluginLicense" ADD CONSTRAINT "PluginLicense_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PluginLicense" ADD CONSTRAINT "PluginLicense_orgId_userId_fkey" FOREIGN KEY ("orgId", "userId") REFERENCES "Membership"("orgId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;


ALTER TABLE "OrgBilling" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OrgBilling" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrgBilling" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "OrgBilling" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "PluginLicense" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PluginLicense" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PluginLicense" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "PluginLicense" TO stagedoor_admin USING (true) WITH CHECK (true);

ALTER TABLE "StripeEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StripeEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StripeEvent" TO stagedoor_app
  USING ("orgId" = current_setting('app.org_id', true))
  WITH CHECK ("orgId" = current_setting('app.org_id', true));
CREATE POLICY admin_access ON "StripeEvent" TO stagedoor_admin USING (true) WITH CHECK (true);
