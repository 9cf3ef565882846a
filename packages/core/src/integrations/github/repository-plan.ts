import type { DiscoveredRepository, GitHubClient } from "@stagedoor/connectors";
import type { SyncRunError } from "../views";
import { generatedComponent, suggestOwner } from "./generated-component";
import { followLocations } from "./locations";

export type PlannedFile = { name: string; content: string; url: string; generated?: boolean };

/** What one repository contributes to the catalog in this sync. */
export type RepositoryPlan = {
  repository: DiscoveredRepository;
  /** Everything the repository's source emits now: catalog files, Location targets, a generated Component. */
  files: PlannedFile[];
  /** Files that could not be read, with links; they go into the sync run's errors. */
  problems: SyncRunError[];
  /**
   * A file could not be read for a reason other than "it is not there" (too large, binary,
   * forbidden): the source is left as it is, so its entities keep their last good versions
   * instead of being orphaned on missing information.
   */
  keepPrevious: boolean;
  /** Archived repositories are left out of the catalog, like Backstage's discovery does. */
  archived: boolean;
};

export type PlanOptions = {
  owner: string;
  registerReposWithoutCatalog: boolean;
  /** Repository (lowercase owner/name) → team slug with the strongest access. */
  topTeams: Record<string, string>;
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

/** Plans for a page of repositories, with their Location targets fetched in a few batched requests. */
export async function planRepositories(
  client: GitHubClient,
  repositories: readonly DiscoveredRepository[],
  options: PlanOptions,
): Promise<RepositoryPlan[]> {
  const plans = repositories.map((r) => planRepository(r, options));
  await followLocations(client, plans);
  return plans;
}

export function fileProblem(
  repository: string,
  file: string,
  url: string,
  message: string,
  line?: number,
): SyncRunError {
  return {
    repository,
    file,
    url: line ? `${url}#L${line}` : url,
    line: line ?? null,
    column: null,
    message,
    detail: message,
  };
}
