export type { IntegrationDeps } from "./deps";
export {
  defineProvider,
  type AnyIntegrationProvider,
  type IntegrationProvider,
  type SyncServices,
  type WebhookInput,
  type WebhookOutcome,
  type WebhookResult,
} from "./provider";
export { providerFor, providers, requireProvider } from "./providers";
export { findIntegration, type IntegrationRow } from "./find-integration";
export { getIntegration, getSyncRun, listIntegrations, listSyncRuns, MAX_RUNS_PAGE } from "./read-integrations";
export { deleteIntegration } from "./delete-integration";
export { revealWebhookSecret } from "./reveal-webhook-secret";
export { requestSync, startScheduledSync, ensureStepJob, type SyncTrigger } from "./request-sync";
export { reconcileIntegrations, type ReconcileReport } from "./reconcile";
export { createOrgSlots, type OrgSlots, type OrgSlotOptions, type SlotRedis } from "./fairness/org-slots";
export { integrationJobs, RECONCILE_EVERY_MS, stepJob } from "./jobs";
export { purgeDeliveriesJob, WEBHOOK_DELIVERY_RETENTION_DAYS } from "./webhooks/purge-deliveries";
export {
  createRejectionLimiter,
  WEBHOOK_REJECTIONS_PER_MINUTE,
  type RejectionLimiter,
} from "./webhooks/rejection-limiter";
export {
  githubConfigOf,
  webhookUrlPath,
  type IntegrationView,
  type ProviderConfigView,
  type SyncRunError,
  type SyncRunStatus,
  type SyncRunView,
} from "./views";
export { failRun, ACTIVE_STATUSES } from "./sync/sync-runs";
export { noteSyncRetry } from "./sync/note-retry";
export { stepOf, type RunCheckpoint, type StepOutcome, type SyncStepJob } from "./sync/step";
export { runIdForJob } from "./sync/run-ids";
export type { Fingerprint, FingerprintStore } from "./sync/fingerprint-store";
export {
  INTEGRATIONS_QUEUE,
  LEGACY_SCHEDULER_PREFIXES,
  RECONCILE_JOB,
  SCHEDULED_SYNC_JOB,
  SCHEDULER_PREFIX,
  jobIds,
  stepJobName,
  type EnqueueOptions,
  type SchedulerList,
  type SyncQueue,
} from "./queue/sync-jobs";
export { createBullSyncQueue, DEFAULT_JOB_OPTIONS, type BullSyncQueue } from "./queue/bullmq-sync-queue";
export * from "./providers/github/public";
export * from "./providers/cost/public";
export * from "./providers/kubernetes/public";
