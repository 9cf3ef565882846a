-- Status-like text columns become enums with exactly the values the code already writes,
-- converted in place (USING ...::enum) so existing rows keep their values. Prisma's own
-- diff would drop and re-add the columns, losing them. A row holding a value outside the
-- enum makes this migration fail rather than silently change it.
-- (No semicolons inside comments: the schema-engine shim splits on every one.)

-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('connected', 'error', 'disabled');

-- CreateEnum
CREATE TYPE "SyncTrigger" AS ENUM ('schedule', 'manual', 'webhook', 'onboarding');

-- CreateEnum
CREATE TYPE "SyncRunStatus" AS ENUM ('queued', 'running', 'paused', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "WebhookOutcome" AS ENUM ('accepted', 'ignored', 'rejected');

-- AlterTable: a text default cannot be cast with the column, so it is dropped and set again.
ALTER TABLE "Integration" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "IntegrationStatus" USING ("status"::"IntegrationStatus"),
ALTER COLUMN "status" SET DEFAULT 'connected';

-- AlterTable
ALTER TABLE "SyncRun" ALTER COLUMN "trigger" TYPE "SyncTrigger" USING ("trigger"::"SyncTrigger"),
ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "SyncRunStatus" USING ("status"::"SyncRunStatus"),
ALTER COLUMN "status" SET DEFAULT 'queued';

-- AlterTable
ALTER TABLE "WebhookDelivery" ALTER COLUMN "outcome" TYPE "WebhookOutcome" USING ("outcome"::"WebhookOutcome");
