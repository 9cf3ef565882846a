import { fetchWorkflowRuns, mapWithConcurrency, type EtagCache, type GitHubClient } from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { PROJECT_SLUG, upsertWorkflowRuns } from "../../../../cicd/workflow-runs";
import { repositorySourcePrefix } from "./source-keys";

/** Runs kept per repository per sync: the CI/CD tab shows recent history, webhooks add the rest. */
const RUNS_PER_REPOSITORY = 10;
/** Repositories per sync step, like a discovery page. */
export const RUN_REPOSITORIES_PER_STEP = 100;
/** A sync reads runs of at most this many repositories; webhooks keep the others fresh. */
export const MAX_RUN_REPOSITORIES_PER_SYNC = 2000;

/**
 * The project slugs (owner/repo) that this integration's entities name, in order, after
 * `after`: the repositories whose CI runs the catalog can show.
 */
async function projectSlugs(db: TenantDb, integrationId: string, after: string | null, limit: number) {
  const prefix = repositorySourcePrefix(integrationId);
  const rows = await db.$queryRaw<Array<{ slug: string }>>`
    SELECT DISTINCT lower(e.entity->'metadata'->'annotations'->>${PROJECT_SLUG}) AS slug
    FROM "CatalogEntity" e JOIN "CatalogSource" s ON s.id = e."sourceId"
    WHERE e."orgId" = ${db.orgId} AND s.type = 'GITHUB' AND left(s.key, ${prefix.length}) = ${prefix}
      AND e."orphanedAt" IS NULL AND e.entity->'metadata'->'annotations'->>${PROJECT_SLUG} IS NOT NULL
      AND lower(e.entity->'metadata'->'annotations'->>${PROJECT_SLUG}) > ${after ?? ""}
    ORDER BY 1 LIMIT ${limit}`;
  return rows.map((r) => r.slug).filter((s) => /^[^/\s]+\/[^/\s]+$/.test(s));
}

/**
 * One step of the workflow-runs phase: recent runs of up to RUN_REPOSITORIES_PER_STEP
 * repositories (one REST request each, conditional when an ETag is cached, so unchanged
 * lists cost no rate limit). Repositories gone or without Actions access are skipped.
 */
export async function syncWorkflowRunsStep(
  db: TenantDb,
  client: GitHubClient,
  integrationId: string,
  after: string | null,
  budget: number,
  etagCache?: EtagCache,
): Promise<{ last: string | null; repositories: number; runs: number; done: boolean }> {
  const limit = Math.max(0, Math.min(RUN_REPOSITORIES_PER_STEP, budget));
  const slugs = limit > 0 ? await projectSlugs(db, integrationId, after, limit) : [];
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
  return {
    last: slugs[slugs.length - 1] ?? after,
    repositories: slugs.length,
    runs: runs.length,
    done: slugs.length < limit || limit === 0,
  };
}
