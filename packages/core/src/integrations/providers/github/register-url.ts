import { createHash } from "node:crypto";
import { fetchLocationTargets, parseGitHubUrl, type GitHubClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import type { Principal } from "../../../authz";
import { importCatalog } from "../../../catalog/import-catalog";
import type { IngestionReport } from "../../../catalog/ingestion-types";
import { AppError } from "../../../errors";
import type { IntegrationDeps } from "../../deps";
import { GITHUB_PROVIDER, openGitHubClient, type GitHubIntegration } from "./open-client";
import { githubPlaceholderReader } from "./placeholders/github-reader";
import { resolvePlaceholders, type PlaceholderProblem } from "./placeholders/resolve-placeholders";
import { readGitHubConfig } from "./settings";
import { sourcePrefix } from "./sync/source-keys";

export type UrlImportReport = IngestionReport & {
  /** The file as owner/repo/path, for the page. */
  file: string;
  url: string;
  /** Placeholders that could not be resolved, with their lines. */
  problems: PlaceholderProblem[];
};

const MAX_URL = 2000;

/**
 * Register by URL, as Backstage's catalog import does: the blob URL of a catalog file on the
 * connected GitHub is read with the integration's credentials (same owner rules as Location
 * targets), its placeholders resolved, and imported as its own source, one per file, so
 * registering another file never orphans this one. Dry run first, like the paste flow.
 */
export async function importCatalogUrl(
  db: TenantDb,
  deps: IntegrationDeps,
  by: Principal | null,
  input: { url: string; dryRun: boolean },
): Promise<UrlImportReport> {
  const raw = input.url.trim();
  if (!raw || raw.length > MAX_URL) throw new AppError("BAD_REQUEST", "Enter the URL of a catalog file on GitHub.");
  const { integration, client, target } = await integrationFor(db, deps, raw);
  const { owner, repo, path } = target;
  const { config, row } = integration;
  if (!config.allowOtherLocationOwners && owner.toLowerCase() !== config.owner.toLowerCase()) {
    throw new AppError(
      "BAD_REQUEST",
      `${owner}/${repo} is outside ${config.owner}; only ${config.owner}'s repositories can be registered (an admin can allow other owners in the GitHub integration's settings).`,
    );
  }
  const [result] = await fetchLocationTargets(client, [raw]);
  if (result?.status === "error" && result.reason === "not-found") {
    // The Register page then offers a pull request that adds a generated file.
    throw new AppError("NOT_FOUND", `${raw} does not exist on GitHub.`, { catalogFile: "missing" });
  }
  if (!result || result.status !== "ok") {
    throw new AppError("BAD_REQUEST", `${raw} could not be read: ${result ? result.message : "no answer"}`);
  }
  const scope = { owner: config.owner, allowOtherOwners: config.allowOtherLocationOwners };
  const resolved = await resolvePlaceholders(result.text, raw, githubPlaceholderReader(client, scope));
  const file = `${owner}/${repo}/${path}`;
  const report = await importCatalog(db, by, {
    source: {
      type: "GITHUB",
      key: urlSourceKey(row.id, file),
      location: { repository: `${owner}/${repo}`, url: raw.replace(/\/blob\/.*$/, ""), files: { [path]: raw } },
    },
    files: [{ name: path, content: resolved.content, problems: resolved.problems }],
    dryRun: input.dryRun,
  });
  return { ...report, file, url: raw, problems: resolved.problems };
}

/**
 * Registered files are keyed under the integration but outside its repository prefix, so
 * the sync's cleanup of vanished repositories never orphans them. Long paths are hashed to
 * fit the source key limit.
 */
export function urlSourceKey(integrationId: string, file: string): string {
  const key = `${sourcePrefix(integrationId)}url/${file.toLowerCase()}`;
  if (key.length <= 200) return key;
  const hash = createHash("sha256").update(file.toLowerCase()).digest("hex").slice(0, 16);
  return `${key.slice(0, 200 - hash.length - 1)}~${hash}`;
}

async function integrationFor(db: TenantDb, deps: IntegrationDeps, url: string) {
  const rows = await db.integration.findMany({
    where: { provider: GITHUB_PROVIDER },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Connect GitHub first: registering by URL reads the file with its credentials.",
    );
  }
  let reason = "";
  for (const row of rows) {
    const integration: GitHubIntegration = { row, config: readGitHubConfig(row.config) };
    const client: GitHubClient = await openGitHubClient(deps, integration);
    const parsed = parseGitHubUrl(url, client.endpoints.webBaseUrl);
    if (!parsed.ok) {
      reason = parsed.reason;
      continue;
    }
    if (parsed.target.kind !== "blob") {
      throw new AppError(
        "BAD_REQUEST",
        `${url} is a folder; enter the URL of a file, such as …/blob/main/catalog-info.yaml.`,
      );
    }
    return { integration, client, target: parsed.target };
  }
  throw new AppError(
    "BAD_REQUEST",
    `${url} is not a file on the connected GitHub (${reason}). Enter a URL such as ${"https://github.com/acme/payments/blob/main/catalog-info.yaml"}.`,
  );
}
