import { defineProvider } from "../../provider";
import { createSyncRuntime } from "./client-cache";
import { githubConfigView } from "./config-view";
import { dryRunGitHub } from "./dry-run";
import { syncRepositoryJob, syncTeamsJob } from "./jobs";
import { GITHUB_PROVIDER } from "./open-client";
import { githubConfigSchema, githubCredentialsSchema, readGitHubConfig } from "./settings";
import { initialCheckpoint } from "./sync/checkpoint";
import { runSyncStep } from "./sync/run-step";
import { testGitHubIntegration } from "./test-github";
import { receiveGitHubWebhook } from "./webhooks/receive-github-webhook";

/**
 * GitHub (github.com or GitHub Enterprise Server) behind the provider contract: an
 * organisation's repositories, catalog files, teams and CI runs, synced in bounded steps
 * and kept fresh by webhooks.
 */
export const githubProvider = defineProvider({
  kind: GITHUB_PROVIDER,
  label: "GitHub",
  configSchema: githubConfigSchema,
  credentialsSchema: githubCredentialsSchema,
  readConfig: readGitHubConfig,
  syncIntervalMinutes: (config) => config.syncIntervalMinutes,
  view: githubConfigView,
  catalogSourceType: "GITHUB",
  testConnection: testGitHubIntegration,
  dryRun: dryRunGitHub,
  sync: {
    initialCheckpoint,
    createRuntime: (deps, services) => createSyncRuntime(deps, services.fingerprints),
    runStep: runSyncStep,
    jobs: [syncRepositoryJob, syncTeamsJob],
  },
  webhook: { receive: receiveGitHubWebhook },
  entityPage: [
    {
      tab: "cicd",
      label: "CI/CD",
      appliesTo: (annotations) => typeof annotations["github.com/project-slug"] === "string",
    },
  ],
});
