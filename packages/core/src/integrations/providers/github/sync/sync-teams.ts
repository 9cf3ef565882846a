import {
  fetchOrganizationTeams,
  pickTopTeam,
  teamsToEntities,
  TeamsError,
  type GitHubClient,
} from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { importCatalog } from "../../../../catalog/import-catalog";
import type { GitHubIntegration } from "../open-client";
import { generalError, type SyncRunError } from "../../../views";
import { addIngestion, existingSourceKeys, orphanSources, reportErrors, type StepCounts } from "./ingest-repository";
import { teamsSourceKey } from "./source-keys";

// Comfortably below the catalog's per-file document limit.
const DOCUMENTS_PER_FILE = 1000;

/**
 * Teams become Group entities and their members User entities, in the integration's own
 * "teams" source (when the integration syncs teams). Also returns each repository's
 * strongest team, the fallback owner of generated Components.
 */
export async function syncTeams(
  db: TenantDb,
  client: GitHubClient,
  integration: GitHubIntegration,
  counts: StepCounts,
  errors: SyncRunError[],
): Promise<Record<string, string>> {
  const { row, config } = integration;
  const key = teamsSourceKey(row.id);
  if (!config.syncTeams) {
    if ((await existingSourceKeys(db, [key])).has(key)) counts.entitiesOrphaned += await orphanSources(db, [key]);
    if (!config.registerReposWithoutCatalog) return {};
  }
  let teams;
  try {
    teams = await fetchOrganizationTeams(client, {
      org: config.owner,
      includeRepositories: config.registerReposWithoutCatalog,
    });
  } catch (error) {
    if (!(error instanceof TeamsError)) throw error;
    // A user account has no teams, and a token may lack members:read: not a failed sync.
    errors.push(generalError(client.endpoints.webBaseUrl, config.owner, error.message));
    return {};
  }
  const topTeams: Record<string, string> = {};
  for (const [repository, access] of teams.repositoryTeams) {
    const top = pickTopTeam(access);
    if (top) topTeams[repository.toLowerCase()] = top.slug;
  }
  if (!config.syncTeams) return topTeams;

  const { groups, users, problems } = teamsToEntities(teams, { org: config.owner });
  for (const message of problems) errors.push(generalError(client.endpoints.webBaseUrl, config.owner, message));
  const documents = [...groups, ...users].map((e) => JSON.stringify(e));
  const files: Array<{ name: string; content: string }> = [];
  for (let i = 0; i < documents.length; i += DOCUMENTS_PER_FILE) {
    const part = files.length + 1;
    files.push({
      name: `github-teams-${part}.yaml`,
      content: documents.slice(i, i + DOCUMENTS_PER_FILE).join("\n---\n"),
    });
  }
  const report = await importCatalog(db, null, { source: { type: "GITHUB", key }, files, allowEmpty: true });
  addIngestion(counts, report.counts);
  errors.push(...reportErrors(report, config.owner, new Map(), `${client.endpoints.webBaseUrl}/${config.owner}`));
  return topTeams;
}
