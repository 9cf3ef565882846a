import {
  CODEOWNERS_PATHS,
  fetchFilesBatch,
  fetchOrganizationTeams,
  isRateLimitedError,
  pickTopTeam,
  type DiscoveredFile,
  type DiscoveredRepository,
  type FileResult,
  type GitHubClient,
} from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { isAppError } from "../../../../errors";
import type { IntegrationDeps } from "../../../deps";
import { permanentProblem } from "../github-problems";
import { findGitHubIntegration, type GitHubIntegration } from "../open-client";
import { planRepositories } from "../repository-plan";
import type { RepositoryJob, TeamsJob } from "../queue";
import type { SyncRunError } from "../../../views";
import { initialCheckpoint } from "./checkpoint";
import { emptyCounts, existingSourceKeys, ingestPlan, orphanSources, type StepCounts } from "./ingest-repository";
import { clientOf, rateLimitLeft, type SyncRuntime } from "./run-step";
import { repositorySourceKey } from "./source-keys";
import { commitStep, failRun, pauseRun } from "../../../sync/sync-runs";
import { syncTeams } from "./sync-teams";

export type TargetedOutcome =
  { kind: "done" } | { kind: "gone" } | { kind: "paused"; until: Date } | { kind: "failed"; message: string };

/**
 * A sync of one thing a webhook named, recorded as its own SyncRun (trigger "webhook") whose
 * id the worker derives from the job id: a retried job finds its run instead of adding one.
 */
async function targetedRun(
  db: TenantDb,
  runId: string,
  integrationId: string,
  work: (integration: GitHubIntegration, counts: StepCounts, errors: SyncRunError[]) => Promise<GitHubClient | null>,
): Promise<TargetedOutcome> {
  let integration: GitHubIntegration;
  try {
    integration = await findGitHubIntegration(db, integrationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { kind: "gone" };
    throw error;
  }
  const run = await db.syncRun.upsert({
    where: { id: runId },
    create: {
      id: runId,
      orgId: db.orgId,
      integrationId,
      trigger: "webhook",
      status: "running",
      checkpoint: initialCheckpoint(),
    },
    update: {},
  });
  if (run.status === "succeeded" || run.status === "failed") return { kind: "done" };
  const counts = emptyCounts();
  const errors: SyncRunError[] = [];
  let client: GitHubClient | null = null;
  const requests = () => client?.stats().requests ?? 0;
  try {
    client = await work(integration, counts, errors);
  } catch (error) {
    if (isRateLimitedError(error)) {
      await pauseRun(db, runId, error.resetAt, { requests: requests(), rateLimitRemaining: 0 }, "GitHub");
      return { kind: "paused", until: error.resetAt };
    }
    const problem = permanentProblem(error);
    if (problem === null) throw error;
    await failRun(db, runId, problem, { integrationProblem: !isAppError(error) || error.code !== "NOT_FOUND" });
    return { kind: "failed", message: problem };
  }
  await commitStep(db, runId, 0, {
    counts,
    errors,
    requests: requests(),
    rateLimitRemaining: client ? rateLimitLeft(client) : null,
    checkpoint: { ...initialCheckpoint(), phase: "done" },
    finished: {
      message: `Webhook sync: ${counts.reposScanned} repositories, ${counts.filesFound} catalog files.`,
      onboardingStep: "github",
    },
  });
  return { kind: "done" };
}

/** Re-reads one repository (push, created, renamed, unarchived…) or empties its source (deleted, archived). */
export function syncRepository(
  db: TenantDb,
  deps: IntegrationDeps,
  job: RepositoryJob,
  runId: string,
  runtime: SyncRuntime = {},
): Promise<TargetedOutcome> {
  return targetedRun(db, runId, job.integrationId, async (integration, counts, errors) => {
    const key = repositorySourceKey(integration.row.id, job.repository.id);
    const orphan = async () => {
      if ((await existingSourceKeys(db, [key])).has(key)) counts.entitiesOrphaned += await orphanSources(db, [key]);
      await runtime.fingerprints?.delete(integration.row.id, [job.repository.id]);
    };
    if (job.action === "remove") {
      await orphan();
      return null;
    }
    const client = await clientOf(deps, runtime, integration);
    const repository = await readRepository(client, integration, job.repository.id);
    if (!repository) {
      await orphan();
      return client;
    }
    const topTeams: Record<string, string> = {};
    if (
      integration.config.registerReposWithoutCatalog &&
      repository.catalogFiles.length === 0 &&
      !repository.codeowners
    ) {
      const teams = await fetchOrganizationTeams(client, {
        org: integration.config.owner,
        includeRepositories: true,
      }).catch(() => null);
      const top = teams && pickTopTeam(teams.repositoryTeams.get(repository.nameWithOwner) ?? []);
      if (top) topTeams[repository.nameWithOwner.toLowerCase()] = top.slug;
    }
    const plans = await planRepositories(client, [repository], {
      owner: integration.config.owner,
      registerReposWithoutCatalog: integration.config.registerReposWithoutCatalog,
      allowOtherLocationOwners: integration.config.allowOtherLocationOwners,
      topTeams,
    });
    const existing = await existingSourceKeys(db, [key]);
    for (const plan of plans) {
      // A webhook says something changed: always import, and remember what was imported.
      const print = await ingestPlan(db, integration.row.id, plan, existing, counts, errors);
      if (print) await runtime.fingerprints?.set(integration.row.id, [[job.repository.id, print]]);
      else await runtime.fingerprints?.delete(integration.row.id, [job.repository.id]);
    }
    return client;
  });
}

/** Teams or memberships changed: the teams source alone is re-read. */
export function syncTeamsOnly(
  db: TenantDb,
  deps: IntegrationDeps,
  job: TeamsJob,
  runId: string,
  runtime: SyncRuntime = {},
): Promise<TargetedOutcome> {
  return targetedRun(db, runId, job.integrationId, async (integration, counts, errors) => {
    const client = await clientOf(deps, runtime, integration);
    await syncTeams(db, client, integration, counts, errors);
    return client;
  });
}

type RestRepository = {
  id: number;
  node_id: string;
  name: string;
  full_name: string;
  html_url: string;
  description: string | null;
  default_branch?: string;
  archived?: boolean;
  fork: boolean;
  private: boolean;
  pushed_at?: string | null;
  topics?: string[];
  owner: { login: string };
};

/**
 * One repository by its id (which survives renames), with its catalog files and CODEOWNERS
 * in one batched GraphQL request: two requests in all. Null when it is gone or invisible.
 */
async function readRepository(
  client: GitHubClient,
  integration: GitHubIntegration,
  id: number,
): Promise<DiscoveredRepository | null> {
  let data: RestRepository;
  try {
    data = (await client.octokit.request("GET /repositories/{id}", { id })).data as RestRepository;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) return null;
    throw error;
  }
  const branch = data.default_branch ?? null;
  const catalogPaths = integration.config.catalogPaths;
  const codeownerPaths = integration.config.registerReposWithoutCatalog ? [...CODEOWNERS_PATHS] : [];
  const [owner, name] = data.full_name.split("/") as [string, string];
  const files = await fetchFilesBatch(
    client,
    [...catalogPaths, ...codeownerPaths].map((path) => ({
      owner,
      repo: name,
      path,
      ...(branch ? { ref: branch } : {}),
    })),
  );
  const present = (f: FileResult): DiscoveredFile | null => {
    if (f.status === "error" && f.reason === "not-found") return null;
    if (f.status === "ok") {
      const { fromCache: _fromCache, ...file } = f;
      return file;
    }
    return f;
  };
  const catalogFiles = files.slice(0, catalogPaths.length).flatMap((f) => present(f) ?? []);
  const codeowners =
    files
      .slice(catalogPaths.length)
      .map(present)
      .find((f) => f !== null) ?? null;
  return {
    id: data.node_id,
    databaseId: data.id,
    name: data.name,
    owner: data.owner.login,
    nameWithOwner: data.full_name,
    url: data.html_url,
    description: data.description,
    defaultBranch: branch,
    isArchived: data.archived ?? false,
    isFork: data.fork,
    isPrivate: data.private,
    pushedAt: data.pushed_at ?? null,
    topics: data.topics ?? [],
    catalogFiles,
    codeowners,
    // A webhook's one-repository sync reads no CI status: workflow_run deliveries carry the runs.
    ci: null,
  };
}
