import { fetchWorkflowRuns, mapWithConcurrency, type EtagCache, type GitHubClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { upsertWorkflowRuns } from "../../../../cicd/workflow-runs";

/** Runs kept per repository per run list: the CI/CD tab shows recent history, webhooks add the rest. */
const RUNS_PER_REPOSITORY = 10;
/** Repositories per sync step, like a discovery page. */
export const RUN_REPOSITORIES_PER_STEP = 100;
/**
 * Run lists one sync reads at most: a share of the repositories (CI status itself comes with
 * discovery, so these are only repositories whose status moved), at least a few for small
 * orgs, and never more than MAX_RUN_REPOSITORIES_PER_SYNC. Webhooks keep the others fresh.
 */
export const RUN_LISTS_PER_REPOSITORY = 0.03;
export const MIN_RUN_LISTS_PER_SYNC = 50;
export const MAX_RUN_REPOSITORIES_PER_SYNC = 2000;

export function runListBudget(totalRepositories: number | null): number {
  const share = Math.ceil((totalRepositories ?? 0) * RUN_LISTS_PER_REPOSITORY);
  return Math.min(MAX_RUN_REPOSITORIES_PER_SYNC, Math.max(MIN_RUN_LISTS_PER_SYNC, share));
}

/**
 * One step of the workflow-runs phase: recent runs of up to RUN_REPOSITORIES_PER_STEP of the
 * repositories discovery marked (one REST request each, conditional when an ETag is cached,
 * so unchanged lists cost no rate limit). Repositories gone or without Actions access are skipped.
 */
export async function syncWorkflowRunsStep(
  db: TenantDb,
  client: GitHubClient,
  integrationId: string,
  pending: readonly string[],
  budget: number,
  etagCache?: EtagCache,
): Promise<{ rest: string[]; repositories: number; runs: number; done: boolean }> {
  const limit = Math.max(0, Math.min(RUN_REPOSITORIES_PER_STEP, budget));
  const slugs = pending.slice(0, limit).filter((s) => /^[^/\s]+\/[^/\s]+$/.test(s));
  const results = await mapWithConcurrency(slugs, client.maxConcurrency, async (slug) => {
    const [owner, repo] = slug.split("/") as [string, string];
    return fetchWorkflowRuns(client, {
      owner,
      repo,
      perPage: RUNS_PER_REPOSITORY,
      ...(etagCache ? { etagCache } : {}),
    });
  });
  const runs = results.flatMap((r) => (r.status === "ok" ? r.runs : []));
  await upsertWorkflowRuns(db, db.orgId, integrationId, runs);
  const rest = pending.slice(limit);
  return { rest, repositories: slugs.length, runs: runs.length, done: rest.length === 0 || limit === budget };
}
