-- Rejected webhook deliveries become counters on the integration instead of rows
-- (issue 8, finding 7). Old rejected rows go with the delivery retention job.
ALTER TABLE "Integration" ADD COLUMN "webhookRejections" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "webhookLastRejectedAt" TIMESTAMP(3),
ADD COLUMN "webhookLastRejection" TEXT;
