import {
  checkOutboundUrl,
  createGitHubClient,
  type GitHubClient,
  type GitHubClientOptions,
} from "@stagedoor/connectors";
import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { openCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { githubCredentialsSchema, readGitHubConfig, type GitHubConfig } from "./settings";
import { sameOriginFetch } from "./outbound-fetch";

export type IntegrationRow = PrismaTypes.IntegrationGetPayload<object>;
export type GitHubIntegration = { row: IntegrationRow; config: GitHubConfig };

export const GITHUB_PROVIDER = "github";

/** The org's GitHub integration, or NOT_FOUND (also for another org's id: RLS hides it). */
export async function findGitHubIntegration(db: TenantDb, id: string): Promise<GitHubIntegration> {
  const row = await db.integration.findFirst({ where: { id, provider: GITHUB_PROVIDER } });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  return { row, config: readGitHubConfig(row.config) };
}

/**
 * A client with the stored credentials. The base URL is checked again on every use, not
 * only when it was saved: a host name can be re-pointed at a private address afterwards.
 */
export async function openGitHubClient(
  deps: IntegrationDeps,
  integration: GitHubIntegration,
  overrides: Omit<GitHubClientOptions, "baseUrl"> = {},
): Promise<GitHubClient> {
  const { row, config } = integration;
  if (config.baseUrl) {
    const verdict = await checkOutboundUrl(config.baseUrl, { allowPrivateNetworks: deps.allowPrivateNetworks });
    if (!verdict.ok) throw new AppError("PRECONDITION_FAILED", `The GitHub base URL is not allowed: ${verdict.reason}`);
  }
  let credentials;
  try {
    credentials = openCredentials(deps.secrets, row, githubCredentialsSchema);
  } catch {
    throw new AppError(
      "PRECONDITION_FAILED",
      "The stored credentials cannot be decrypted (was the encryption key removed?). Enter them again.",
    );
  }
  const options = { ...deps.github?.client, ...overrides };
  return createGitHubClient(credentials, {
    outbound: { allowPrivateNetworks: deps.allowPrivateNetworks },
    ...options,
    ...(config.baseUrl ? { baseUrl: config.baseUrl, fetch: sameOriginFetch(config.baseUrl, options.fetch) } : {}),
  });
}
