export type { IntegrationDeps } from "./deps";
export {
  DEFAULT_CATALOG_PATHS,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
  readGitHubConfig,
  type GitHubAuthInput,
  type GitHubConfig,
  type GitHubSettingsInput,
} from "./github-settings";
export { saveGitHubIntegration, type SaveGitHubInput } from "./save-github";
export { testGitHubIntegration, type TestGitHubInput } from "./test-github";
export { saveTestedGitHubIntegration } from "./save-tested-github";
export { getIntegration, getSyncRun, listIntegrations, listSyncRuns, MAX_RUNS_PAGE } from "./read-integrations";
export { deleteIntegration, revealWebhookSecret } from "./delete-integration";
export { requestSync, startScheduledSync, ensureStepJob, type SyncTrigger } from "./request-sync";
export {
  dryRunGitHub,
  MAX_DRY_RUN_REPOSITORIES,
  type DryRunFile,
  type DryRunFileError,
  type DryRunReport,
} from "./dry-run";
export { webhookUrlPath, type IntegrationView, type SyncRunError, type SyncRunStatus, type SyncRunView } from "./views";
export { findGitHubIntegration, openGitHubClient, GITHUB_PROVIDER, type GitHubIntegration } from "./github/open-client";
export { runSyncStep, type StepOutcome, type SyncRuntime } from "./sync/run-step";
export { syncRepository, syncTeamsOnly, type TargetedOutcome } from "./sync/sync-repository";
export { failRun, ACTIVE_STATUSES } from "./sync/sync-runs";
export { noteSyncRetry } from "./sync/note-retry";
export { readCheckpoint, type Checkpoint, type SyncPhase } from "./sync/checkpoint";
export { FINGERPRINT_MAX_AGE_MS, type Fingerprint, type FingerprintStore } from "./sync/fingerprints";
export { repositorySourceKey, teamsSourceKey } from "./sync/source-keys";
export { receiveGitHubWebhook, type WebhookOutcome, type WebhookResult } from "./webhooks/receive-github-webhook";
export { TEAMS_WEBHOOK_WINDOW_MS } from "./webhooks/dispatch-event";
export {
  INTEGRATIONS_QUEUE,
  SCHEDULER_PREFIX,
  isSyncJobName,
  jobIds,
  parseSyncJob,
  syncJobs,
  type RepositoryJob,
  type SyncJobData,
  type SyncJobName,
  type SyncQueue,
  type SyncStepJob,
  type TeamsJob,
} from "./queue/sync-jobs";
export { createBullSyncQueue, DEFAULT_JOB_OPTIONS, type BullSyncQueue } from "./queue/bullmq-sync-queue";
