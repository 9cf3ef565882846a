import {
  discoverRepositoryPages,
  isRateLimitedError,
  type DiscoveryPage,
  type EtagCache,
  type GitHubClient,
} from "@stagedoor/connectors";
import type { TenantDb } from "@stagedoor/db";
import { isAppError } from "../../../../errors";
import type { IntegrationDeps } from "../../../deps";
import { permanentProblem } from "../github-problems";
import { findGitHubIntegration, openGitHubClient, type GitHubIntegration } from "../open-client";
import { planRepositories } from "../repository-plan";
import type { StepOutcome, SyncStepJob } from "../../../sync/step";
import { generalError, type SyncRunError } from "../../../views";
import { readCheckpoint, type Checkpoint } from "./checkpoint";
import { emptyCounts, existingSourceKeys, ingestPlans, orphanSources, type StepCounts } from "./ingest-repository";
import { repositoryIdOfKey, repositorySourceKey, repositorySourcePrefix } from "./source-keys";
import type { Fingerprint, FingerprintStore } from "./fingerprints";
import type { PagePrefetch } from "./page-prefetch";
import type { RepositoryPlan } from "../repository-plan";

export type { StepOutcome };
import { ACTIVE_STATUSES, commitStep, failRun, markRunning, pauseRun, type SyncRunRow } from "../../../sync/sync-runs";
import { syncTeams } from "./sync-teams";
import { recordCiStatus } from "./record-ci-status";
import { runListBudget, syncWorkflowRunsStep } from "./sync-workflow-runs";

/** What the worker process lends the sync: caches that outlive one step. */
export type SyncRuntime = {
  clientFor?: (integration: GitHubIntegration) => Promise<GitHubClient>;
  etagCache?: EtagCache;
  fingerprints?: FingerprintStore;
  /** Discovery pages requested and planned a step ahead (see page-prefetch.ts). */
  prefetch?: PagePrefetch<PlannedPage>;
};

/** A discovery page with its repositories planned (Location targets and placeholders fetched). */
export type PlannedPage = { page: DiscoveryPage; plans: RepositoryPlan[] };

export const clientOf = (deps: IntegrationDeps, runtime: SyncRuntime, integration: GitHubIntegration) =>
  runtime.clientFor ? runtime.clientFor(integration) : openGitHubClient(deps, integration);

export function rateLimitLeft(client: GitHubClient): number | null {
  const known = [client.rateLimit("graphql"), client.rateLimit("core")].filter((b) => b !== undefined);
  return known.length ? Math.min(...known.map((b) => b.remaining)) : null;
}

/**
 * Runs one bounded step of a sync run and saves it with the next checkpoint. The phases:
 * teams (groups and users, and who owns which repository) → repositories (one discovery
 * page of up to 100 per step, with each default branch's CI status) → cleanup (repositories
 * gone since the last sync are orphaned) → workflow-runs (run lists of the repositories whose
 * CI status moved, 100 per step) → done.
 */
export async function runSyncStep(
  db: TenantDb,
  deps: IntegrationDeps,
  job: SyncStepJob,
  runtime: SyncRuntime = {},
): Promise<StepOutcome> {
  const run = await db.syncRun.findUnique({ where: { id: job.syncRunId } });
  if (!run || run.integrationId !== job.integrationId) return { kind: "gone" };
  if (!(ACTIVE_STATUSES as readonly string[]).includes(run.status)) return { kind: "gone" };
  const checkpoint = readCheckpoint(run.checkpoint);
  if (checkpoint.step !== job.step) return { kind: "stale", step: checkpoint.step };

  let integration: GitHubIntegration;
  let client: GitHubClient;
  try {
    integration = await findGitHubIntegration(db, job.integrationId);
    // A running run (every step after the first) is already marked.
    if (run.status !== "running") await markRunning(db, run.id);
    client = await clientOf(deps, runtime, integration);
  } catch (error) {
    if (!isAppError(error)) throw error;
    await failRun(db, run.id, error.message, { integrationProblem: error.code !== "NOT_FOUND" });
    return { kind: "failed", message: error.message };
  }
  const before = client.stats().requests;
  const usage = () => ({ requests: client.stats().requests - before, rateLimitRemaining: rateLimitLeft(client) });
  const counts = emptyCounts();
  const errors: SyncRunError[] = [];
  try {
    const next = await executePhase({
      db,
      deps,
      runtime,
      client,
      integration,
      runId: run.id,
      checkpoint,
      counts,
      errors,
    });
    const finished =
      next.phase === "done"
        ? { message: summary(run, counts, errors.length), onboardingStep: "github" as const }
        : undefined;
    const committed = await commitStep(db, run.id, job.step, {
      counts,
      errors,
      ...usage(),
      checkpoint: next,
      finished,
    });
    if (!committed) return { kind: "stale", step: job.step + 1 };
    return finished ? { kind: "done" } : { kind: "continue", step: job.step + 1 };
  } catch (error) {
    if (isRateLimitedError(error)) {
      await pauseRun(db, run.id, error.resetAt, usage(), "GitHub");
      return { kind: "paused", until: error.resetAt };
    }
    const problem = permanentProblem(error);
    if (problem === null) throw error;
    await failRun(db, run.id, problem, { integrationProblem: true, requests: usage().requests });
    return { kind: "failed", message: problem };
  }
}

type PhaseContext = {
  db: TenantDb;
  deps: IntegrationDeps;
  runtime: SyncRuntime;
  client: GitHubClient;
  integration: GitHubIntegration;
  runId: string;
  checkpoint: Checkpoint;
  counts: StepCounts;
  errors: SyncRunError[];
};

async function executePhase(ctx: PhaseContext): Promise<Checkpoint> {
  const { db, client, integration, checkpoint: cp, counts, errors } = ctx;
  const { row, config } = integration;
  switch (cp.phase) {
    case "teams": {
      const wanted = config.syncTeams || config.registerReposWithoutCatalog;
      const topTeams = wanted ? await syncTeams(db, client, integration, counts, errors) : {};
      return { ...cp, phase: "repositories", topTeams };
    }
    case "repositories": {
      const settings = {
        owner: config.owner,
        catalogPaths: config.catalogPaths,
        // CODEOWNERS is only needed to name owners of generated Components.
        includeCodeowners: config.registerReposWithoutCatalog,
        pageSize: ctx.deps.github?.pageSize ?? 100,
        // CI status rides along in the same request; see record-ci-status.ts.
        includeCiStatus: true,
      };
      const discover = (after: string | null) =>
        firstPage(
          discoverRepositoryPages(client, {
            ...settings,
            after,
            ...(ctx.runtime.etagCache ? { etagCache: ctx.runtime.etagCache } : {}),
          }),
        );
      const planned = async (after: string | null): Promise<PlannedPage> => {
        const page = await discover(after);
        const plans = await planRepositories(client, page.repositories, {
          owner: config.owner,
          registerReposWithoutCatalog: config.registerReposWithoutCatalog,
          allowOtherLocationOwners: config.allowOtherLocationOwners,
          topTeams: cp.topTeams,
        });
        return { page, plans };
      };
      // The run is part of the key: its checkpoint's topTeams shape the plans.
      const keyOf = (after: string | null) =>
        `${ctx.runId}|${row.id}@${row.updatedAt.getTime()}|${JSON.stringify(settings)}|${after ?? ""}`;
      const { page, plans } = await (ctx.runtime.prefetch?.take(keyOf(cp.cursor)) ?? planned(cp.cursor));
      // The next page is requested and planned now, while this one is ingested, and ingested by
      // the next step (see page-prefetch.ts).
      let ahead: Promise<unknown> = Promise.resolve();
      if (ctx.runtime.prefetch && page.hasNextPage && page.cursor) {
        const next = planned(page.cursor);
        ctx.runtime.prefetch.put(keyOf(page.cursor), next);
        ahead = next.catch(() => undefined);
      }
      const existing = await existingSourceKeys(
        db,
        plans.map((p) => repositorySourceKey(row.id, p.repository.databaseId)),
      );
      const store = ctx.runtime.fingerprints;
      const ids = plans.map((p) => p.repository.databaseId);
      const known = store ? await store.get(row.id, ids) : new Map<number, Fingerprint>();
      const prints = await ingestPlans(
        db,
        row.id,
        plans.map((plan) => ({ plan, previous: known.get(plan.repository.databaseId) })),
        existing,
        counts,
        errors,
      );
      const fresh = plans.flatMap((plan, i): Array<[number, Fingerprint]> => {
        const print = prints[i];
        return print ? [[plan.repository.databaseId, print]] : [];
      });
      if (store && fresh.length) await store.set(row.id, fresh);
      const ci = await recordCiStatus(db, row.id, page.repositories);
      for (const message of page.problems)
        errors.push(generalError(client.endpoints.webBaseUrl, config.owner, message));
      // Its requests are this step's, so the step ends when they are sent and answered (usually
      // long before its ingestion does); a failure is the next step's to handle.
      await ahead;
      return {
        ...cp,
        cursor: page.cursor,
        seen: [...cp.seen, ...page.repositories.map((r) => r.databaseId)],
        runsPending: [...new Set([...cp.runsPending, ...ci.needRunList])],
        totalRepositories: page.totalCount,
        complete: cp.complete && page.problems.length === 0,
        phase: page.hasNextPage ? "repositories" : "cleanup",
      };
    }
    case "cleanup": {
      if (cp.complete) {
        const seen = new Set(cp.seen);
        const sources = await db.catalogSource.findMany({
          where: {
            type: "GITHUB",
            key: { startsWith: repositorySourcePrefix(row.id) },
            entities: { some: { orphanedAt: null } },
          },
          select: { key: true },
        });
        const gone = sources.map((s) => s.key).filter((key) => !seen.has(repositoryIdOfKey(row.id, key) ?? -1));
        counts.entitiesOrphaned += await orphanSources(db, gone);
        // A repository that comes back must be imported again, not skipped as unchanged.
        const goneIds = gone.map((key) => repositoryIdOfKey(row.id, key)).filter((id): id is number => id !== null);
        if (goneIds.length) await ctx.runtime.fingerprints?.delete(row.id, goneIds);
      } else {
        errors.push(
          generalError(
            client.endpoints.webBaseUrl,
            config.owner,
            "GitHub did not list every repository, so no repository is treated as deleted in this sync.",
          ),
        );
      }
      return { ...cp, phase: "workflow-runs" };
    }
    case "workflow-runs": {
      const budget = runListBudget(cp.totalRepositories) - cp.runsRepositories;
      const step = await syncWorkflowRunsStep(db, client, row.id, cp.runsPending, budget, ctx.runtime.etagCache);
      return {
        ...cp,
        runsPending: step.done ? [] : step.rest,
        runsRepositories: cp.runsRepositories + step.repositories,
        phase: step.done ? "done" : "workflow-runs",
      };
    }
    case "done":
      return cp;
  }
}

async function firstPage(pages: AsyncGenerator<DiscoveryPage>): Promise<DiscoveryPage> {
  const { value, done } = await pages.next();
  await pages.return(undefined);
  if (done || !value) return { repositories: [], cursor: null, hasNextPage: false, totalCount: 0, problems: [] };
  return value;
}

function summary(run: SyncRunRow, last: StepCounts, lastErrors: number): string {
  const repos = run.reposScanned + last.reposScanned;
  const files = run.filesFound + last.filesFound;
  const problems = (Array.isArray(run.errors) ? run.errors.length : 0) + lastErrors;
  const changed = run.entitiesCreated + last.entitiesCreated + run.entitiesUpdated + last.entitiesUpdated;
  return `Synced ${repos} repositories and ${files} catalog files: ${changed} entities created or updated${
    problems ? `, ${problems} problems to look at` : ""
  }.`;
}
