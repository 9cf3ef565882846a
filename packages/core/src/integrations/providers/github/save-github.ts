import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import { last4, newWebhookSecret, sealWebhookSecret } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { findGitHubIntegration, GITHUB_PROVIDER } from "./open-client";
import {
  refuseSavedCredentialsForNewHost,
  validateCredentials,
  validateGitHubSettings,
  type GitHubAuthInput,
  type GitHubConfig,
  type GitHubSettingsInput,
} from "./settings";
import { writeIntegration } from "../../save-integration";

export type SaveGitHubInput = GitHubSettingsInput & { id?: string; auth: GitHubAuthInput };

/**
 * Connects a GitHub integration, or updates one (`id`). Credentials and a generated webhook
 * secret are sealed with the org's and integration's ids as encryption context; the stored
 * config keeps only hints (auth type, app id, the token's last four characters).
 */
export async function saveGitHubIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveGitHubInput,
): Promise<{ id: string }> {
  authorize(actor, "integrations.manage");
  const settings = await validateGitHubSettings(input, { allowPrivateNetworks: deps.allowPrivateNetworks });
  const existing = input.id ? await findGitHubIntegration(db, input.id) : null;
  if (input.auth.type === "saved" && !existing) {
    throw new AppError("BAD_REQUEST", "Enter the GitHub App or access token credentials.", {
      auth: "Credentials are required for a new connection.",
    });
  }
  // Saved credentials stay with the host they were entered for (issue 8, finding 1).
  const hostChanged = existing !== null && settings.baseUrl !== existing.config.baseUrl;
  if (hostChanged && input.auth.type === "saved") refuseSavedCredentialsForNewHost();
  const credentials = input.auth.type === "saved" ? null : validateCredentials(input.auth);
  const name = input.name.trim();

  const authHints: Pick<GitHubConfig, "authType" | "appId" | "installationId" | "tokenLast4"> = credentials
    ? credentials.type === "app"
      ? {
          authType: "app",
          appId: String(credentials.appId),
          installationId: String(credentials.installationId),
          tokenLast4: null,
        }
      : { authType: "token", appId: null, installationId: null, tokenLast4: last4(credentials.token) }
    : {
        authType: existing!.config.authType,
        appId: existing!.config.appId,
        installationId: existing!.config.installationId,
        tokenLast4: existing!.config.tokenLast4,
      };

  // Used only when connecting a new integration: its webhook secret.
  const secret = newWebhookSecret();
  const config: GitHubConfig = existing
    ? { ...existing.config, ...settings, ...authHints }
    : { ...settings, ...authHints, webhookSecretLast4: last4(secret) };
  return writeIntegration(db, actor, deps, {
    existing: existing && { row: existing.row, host: existing.config.baseUrl },
    provider: GITHUB_PROVIDER,
    label: "GitHub",
    name,
    config,
    host: settings.baseUrl,
    credentials,
    audit: {
      updated: { name, owner: settings.owner, authType: authHints.authType, credentialsChanged: credentials !== null },
      connected: {
        name,
        provider: GITHUB_PROVIDER,
        owner: settings.owner,
        authType: authHints.authType,
        baseUrl: settings.baseUrl,
      },
    },
    sealOnCreate: (row) => ({ webhookSecretCiphertext: sealWebhookSecret(deps.secrets, row, secret) }),
    intervalMinutes: settings.syncIntervalMinutes,
  });
}
