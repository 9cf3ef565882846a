import { webhookUrlPath } from "../../webhook-path";
import { readGitHubConfig } from "./settings";

/** What the integrations page shows of a GitHub integration's settings; never a secret. */
export type GitHubConfigView = {
  baseUrl: string | null;
  owner: string;
  authType: "app" | "token";
  appId: string | null;
  installationId: string | null;
  tokenLast4: string | null;
  catalogPaths: string[];
  syncIntervalMinutes: number;
  syncTeams: boolean;
  registerReposWithoutCatalog: boolean;
  /** Where GitHub should send webhooks, relative to the portal's origin. */
  webhookUrlPath: string;
};

export function githubConfigView(
  raw: unknown,
  integrationId: string,
): { config: GitHubConfigView; webhookSecretHint: string | null } {
  const config = readGitHubConfig(raw);
  return {
    config: {
      baseUrl: config.baseUrl,
      owner: config.owner,
      authType: config.authType,
      appId: config.appId,
      installationId: config.installationId,
      tokenLast4: config.tokenLast4,
      catalogPaths: config.catalogPaths,
      syncIntervalMinutes: config.syncIntervalMinutes,
      syncTeams: config.syncTeams,
      registerReposWithoutCatalog: config.registerReposWithoutCatalog,
      webhookUrlPath: webhookUrlPath("github", integrationId),
    },
    webhookSecretHint: config.webhookSecretLast4,
  };
}
