import type { DiscoveredRepository } from "@stagedoor/connectors";
import type { FileProblem } from "../../../catalog/ingestion-types";
import type { SyncRunError } from "../../views";

/**
 * The shape of a repository's plan, shared by the planner and the Location follower (which
 * adds files to plans); kept apart so neither imports the other.
 */
export type PlannedFile = {
  name: string;
  content: string;
  url: string;
  generated?: boolean;
  /** Placeholders that could not be resolved: errors of the entities on those lines. */
  problems?: FileProblem[];
};

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
