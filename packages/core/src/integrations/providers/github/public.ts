// What the rest of the product (api routers, the benchmark, tests) uses of the GitHub provider.
export { githubProvider } from "./index";
export {
  DEFAULT_CATALOG_PATHS,
  DEFAULT_SYNC_INTERVAL_MINUTES,
  MAX_CATALOG_PATHS,
  MAX_SYNC_INTERVAL_MINUTES,
  MIN_SYNC_INTERVAL_MINUTES,
  readGitHubConfig,
  type GitHubAuthInput,
  type GitHubConfig,
  type GitHubSettingsInput,
} from "./settings";
export type { GitHubConfigView } from "./config-view";
export { saveGitHubIntegration, type SaveGitHubInput } from "./save-github";
export { testGitHubIntegration, type TestGitHubInput } from "./test-github";
export { saveTestedGitHubIntegration } from "./save-tested";
export {
  dryRunGitHub,
  MAX_DRY_RUN_REPOSITORIES,
  type DryRunFile,
  type DryRunFileError,
  type DryRunReport,
} from "./dry-run";
export { findGitHubIntegration, openGitHubClient, GITHUB_PROVIDER, type GitHubIntegration } from "./open-client";
export { createSyncRuntime } from "./client-cache";
export { importCatalogUrl, type UrlImportReport } from "./register-url";
export {
  openCatalogPullRequest,
  proposeCatalogFile,
  type CatalogFileProposal,
  type ExistingCatalogFile,
  type OpenedCatalogPullRequest,
} from "./catalog-pull-request";
export {
  resolvePlaceholders,
  type PlaceholderProblem,
  type PlaceholderReader,
} from "./placeholders/resolve-placeholders";
export { runSyncStep, type SyncRuntime } from "./sync/run-step";
export { syncRepository, syncTeamsOnly, type TargetedOutcome } from "./sync/sync-repository";
export { readCheckpoint, type Checkpoint, type SyncPhase } from "./sync/checkpoint";
export { FINGERPRINT_MAX_AGE_MS } from "./sync/fingerprints";
export { repositorySourceKey, teamsSourceKey } from "./sync/source-keys";
export { receiveGitHubWebhook } from "./webhooks/receive-github-webhook";
export { TEAMS_WEBHOOK_WINDOW_MS } from "./webhooks/dispatch-event";
export {
  enqueueRepository,
  enqueueTeams,
  githubJobIds,
  SYNC_REPOSITORY_JOB,
  SYNC_TEAMS_JOB,
  type RepositoryJob,
  type TeamsJob,
} from "./queue";
