import type { DiscoveredRepository, GitHubClient } from "@stagedoor/connectors";
import { generatedComponent, suggestOwner } from "./generated-component";
import { followLocations } from "./locations";
import { resolvePlanPlaceholders } from "./placeholders/plan-placeholders";
import { fileProblem, type RepositoryPlan } from "./plan-types";

export { fileProblem, type PlannedFile, type RepositoryPlan } from "./plan-types";

export type PlanOptions = {
  owner: string;
  registerReposWithoutCatalog: boolean;
  /** Repository (lowercase owner/name) → team slug with the strongest access. */
  topTeams: Record<string, string>;
  /** Follow Location targets in other owners' repositories (off: only `owner`'s). */
  allowOtherLocationOwners: boolean;
};

export function planRepository(repository: DiscoveredRepository, options: PlanOptions): RepositoryPlan {
  const plan: RepositoryPlan = {
    repository,
    files: [],
    problems: [],
    keepPrevious: false,
    archived: repository.isArchived,
  };
  if (plan.archived) return plan;
  for (const file of repository.catalogFiles) {
    if (file.status === "ok") {
      plan.files.push({ name: file.path, content: file.text, url: file.url });
    } else {
      plan.problems.push(fileProblem(repository.nameWithOwner, file.path, file.url, file.message));
      if (file.reason !== "not-found") plan.keepPrevious = true;
    }
  }
  if (repository.catalogFiles.length === 0 && options.registerReposWithoutCatalog) {
    const owner = suggestOwner(repository, options.owner, options.topTeams[repository.nameWithOwner.toLowerCase()]);
    const generated = generatedComponent(repository, owner, options.owner);
    if (generated) plan.files.push({ ...generated, url: repository.url, generated: true });
  }
  return plan;
}

/**
 * Plans for a page of repositories, with their Location targets fetched in a few batched
 * requests and their `$text` / `$json` / `$yaml` placeholders resolved.
 */
export async function planRepositories(
  client: GitHubClient,
  repositories: readonly DiscoveredRepository[],
  options: PlanOptions,
): Promise<RepositoryPlan[]> {
  const plans = repositories.map((r) => planRepository(r, options));
  const scope = { owner: options.owner, allowOtherOwners: options.allowOtherLocationOwners };
  await followLocations(client, plans, scope);
  await resolvePlanPlaceholders(client, plans, scope);
  return plans;
}
