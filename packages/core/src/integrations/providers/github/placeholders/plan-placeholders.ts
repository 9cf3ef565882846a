import type { GitHubClient } from "@stagedoor/connectors";
import type { RepositoryPlan } from "../plan-types";
import { githubPlaceholderReader } from "./github-reader";
import { hasPlaceholders, resolvePlaceholders, type PlaceholderReader } from "./resolve-placeholders";

/**
 * The sync's placeholder step: every planned catalog file's `$text` / `$json` / `$yaml`
 * placeholders are resolved before import (and so before fingerprinting, which means a
 * changed target is re-imported even when the catalog file itself did not change). A target
 * that cannot be read is a problem of the file at the placeholder's line: the import stores
 * it as an error of the entity that holds it (the entity is still imported), and the sync
 * run lists it with the other entity errors.
 */
export async function resolvePlanPlaceholders(
  client: GitHubClient,
  plans: RepositoryPlan[],
  scope: { owner: string; allowOtherOwners: boolean },
  read: PlaceholderReader = githubPlaceholderReader(client, scope),
): Promise<void> {
  for (const plan of plans) {
    for (const file of plan.files) {
      if (file.generated || !hasPlaceholders(file.content)) continue;
      const result = await resolvePlaceholders(file.content, file.url, read);
      file.content = result.content;
      if (result.problems.length) file.problems = result.problems;
    }
  }
}
