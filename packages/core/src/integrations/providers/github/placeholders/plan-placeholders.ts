import type { GitHubClient } from "@stagedoor/connectors";
import { fileProblem, type RepositoryPlan } from "../plan-types";
import { githubPlaceholderReader } from "./github-reader";
import { hasPlaceholders, resolvePlaceholders, type PlaceholderReader } from "./resolve-placeholders";

/**
 * The sync's placeholder step: every planned catalog file's `$text` / `$json` / `$yaml`
 * placeholders are resolved before import (and so before fingerprinting, which means a
 * changed target is re-imported even when the catalog file itself did not change). A target
 * that cannot be read is a problem on the placeholder's line, and the placeholder stays in
 * the entity as written.
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
      for (const problem of result.problems) {
        plan.problems.push(
          fileProblem(plan.repository.nameWithOwner, file.name, file.url, problem.message, problem.line),
        );
      }
    }
  }
}
