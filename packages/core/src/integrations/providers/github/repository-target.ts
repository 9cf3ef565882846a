import type { GitHubClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import type { IntegrationDeps } from "../../deps";
import { findGitHubIntegration, GITHUB_PROVIDER, openGitHubClient, type GitHubIntegration } from "./open-client";
import { readGitHubConfig } from "./settings";

/** A repository on one of the org's GitHub integrations, with a client that has its credentials. */
export type RepositoryTarget = { integration: GitHubIntegration; client: GitHubClient; owner: string; repo: string };

/** The repository a URL names (root, /tree/… or /blob/…), on one of the org's GitHub integrations. */
export async function repositoryTarget(
  db: TenantDb,
  deps: IntegrationDeps,
  input: { url: string; integrationId?: string },
): Promise<RepositoryTarget> {
  const integrations = input.integrationId
    ? [await findGitHubIntegration(db, input.integrationId)]
    : (
        await db.integration.findMany({
          where: { provider: GITHUB_PROVIDER },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      ).map((row) => ({ row, config: readGitHubConfig(row.config) }));
  if (integrations.length === 0) {
    throw new AppError("PRECONDITION_FAILED", "Connect GitHub first: the pull request is opened with its credentials.");
  }
  for (const integration of integrations) {
    const client = await openGitHubClient(deps, integration);
    const parsed = repositoryOf(input.url, client.endpoints.webBaseUrl);
    if (!parsed) continue;
    const { config } = integration;
    if (!config.allowOtherLocationOwners && parsed.owner.toLowerCase() !== config.owner.toLowerCase()) {
      throw new AppError(
        "BAD_REQUEST",
        `${parsed.owner}/${parsed.repo} is outside ${config.owner}; only ${config.owner}'s repositories can be registered.`,
      );
    }
    return { integration, client, ...parsed };
  }
  throw new AppError(
    "BAD_REQUEST",
    `${input.url} is not a repository on the connected GitHub. Enter a URL such as https://github.com/acme/payments.`,
  );
}

/** owner and repository of https://host/owner/repo[.git][/tree|blob/…], or null for another host. */
export function repositoryOf(url: string, webBaseUrl: string): { owner: string; repo: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  const web = new URL(webBaseUrl);
  const sameHost =
    parsed.host.toLowerCase() === web.host.toLowerCase() ||
    (web.hostname === "github.com" && parsed.hostname === "www.github.com");
  if (!sameHost || parsed.protocol !== web.protocol) return null;
  const base = web.pathname.replace(/\/+$/, "");
  if (base && !parsed.pathname.startsWith(`${base}/`)) return null;
  const [owner, rawRepo] = parsed.pathname.slice(base.length).split("/").filter(Boolean);
  const repo = rawRepo?.replace(/\.git$/, "");
  const valid = /^[A-Za-z0-9_.-]+$/;
  if (!owner || !repo || !valid.test(owner) || !valid.test(repo) || repo === "." || repo === "..") return null;
  return { owner, repo };
}
