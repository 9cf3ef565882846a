import {
  discoverRepositoryPages,
  fetchOrganizationTeams,
  isRateLimitedError,
  pickTopTeam,
  type DiscoveredRepository,
  type GitHubClient,
} from "@stagedoor/connectors";
import { describeProblem } from "@stagedoor/catalog";
import type { TenantDb } from "@stagedoor/db";
import { parseSourceFiles } from "../../../catalog/parse-files";
import { AppError } from "../../../errors";
import { authorize, type UserPrincipal } from "../../../authz";
import type { IntegrationDeps } from "../../deps";
import { suggestOwner } from "./generated-component";
import { permanentProblem } from "./github-problems";
import { findGitHubIntegration, openGitHubClient } from "./open-client";
import { planRepositories, type RepositoryPlan } from "./repository-plan";
import { rateLimitLeft } from "./sync/run-step";

export type DryRunFileError = {
  line: number | null;
  column: number | null;
  /** The field path within the document, e.g. spec.owner; empty for whole-file problems. */
  path: string;
  /** The rule broken, in words. */
  rule: string | null;
  message: string;
  /** The message without its position, for screens that show the line beside it. */
  detail: string;
  /** The file on GitHub at that line. */
  url: string;
};

export type DryRunFile = {
  repository: string;
  path: string;
  url: string;
  valid: boolean;
  entities: number;
  errors: DryRunFileError[];
};

export type DryRunReport = {
  repositories: number;
  filesFound: number;
  files: DryRunFile[];
  withoutCatalog: Array<{
    repository: string;
    url: string;
    suggestedOwner: string | null;
    ownerSource: "codeowners" | "team" | null;
  }>;
  /** Archived repositories are listed but not imported. */
  archived: number;
  requests: number;
  rateLimitRemaining: number | null;
  /** True when the owner has more repositories than a dry run reads. */
  truncated: boolean;
};

/** A dry run reads at most this many repositories (100 GraphQL requests). */
export const MAX_DRY_RUN_REPOSITORIES = 10_000;

/**
 * What the first sync would do, without writing anything: repositories and catalog files
 * found (Location targets followed), every file that would fail with line, column, rule and
 * a link, and the repositories without a catalog file with the owner a generated Component
 * would get.
 */
export async function dryRunGitHub(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  id: string,
): Promise<DryRunReport> {
  authorize(actor, "integrations.manage");
  const integration = await findGitHubIntegration(db, id);
  const { config } = integration;
  // Somebody is waiting on the page: a rate limit is reported, not waited out.
  const client = await openGitHubClient(deps, integration, { maxRateLimitWaitMs: 5_000 });
  try {
    const repositories: DiscoveredRepository[] = [];
    let truncated = false;
    for await (const page of discoverRepositoryPages(client, {
      owner: config.owner,
      catalogPaths: config.catalogPaths,
    })) {
      repositories.push(...page.repositories);
      if (repositories.length >= MAX_DRY_RUN_REPOSITORIES && page.hasNextPage) {
        truncated = true;
        break;
      }
    }
    const live = repositories.filter((r) => !r.isArchived);
    const topTeams = await topTeamsIfNeeded(client, config.owner, live);
    const plans = await planRepositories(client, live, {
      owner: config.owner,
      registerReposWithoutCatalog: false,
      allowOtherLocationOwners: config.allowOtherLocationOwners,
      topTeams,
    });
    const files = plans.flatMap(fileReports);
    return {
      repositories: repositories.length,
      filesFound: files.length,
      files,
      withoutCatalog: live
        .filter((r) => r.catalogFiles.length === 0)
        .map((r) => {
          const owner = suggestOwner(r, config.owner, topTeams[r.nameWithOwner.toLowerCase()]);
          return {
            repository: r.nameWithOwner,
            url: r.url,
            suggestedOwner: owner?.ref ?? null,
            ownerSource: owner?.source ?? null,
          };
        }),
      archived: repositories.length - live.length,
      requests: client.stats().requests,
      rateLimitRemaining: rateLimitLeft(client),
      truncated,
    };
  } catch (error) {
    if (isRateLimitedError(error)) {
      throw new AppError(
        "TOO_MANY_REQUESTS",
        `GitHub's rate limit for this connection is used up until ${error.resetAt.toISOString()}; try the dry run again then.`,
      );
    }
    const problem = permanentProblem(error);
    if (problem) throw new AppError("PRECONDITION_FAILED", problem);
    throw error;
  }
}

/** Teams are read only when some repository has neither a catalog file nor a CODEOWNERS owner. */
async function topTeamsIfNeeded(client: GitHubClient, owner: string, repositories: DiscoveredRepository[]) {
  const needed = repositories.some((r) => r.catalogFiles.length === 0 && !suggestOwner(r, owner, undefined));
  if (!needed) return {};
  const teams = await fetchOrganizationTeams(client, { org: owner, includeRepositories: true }).catch(() => null);
  const out: Record<string, string> = {};
  for (const [repository, access] of teams?.repositoryTeams ?? []) {
    const top = pickTopTeam(access);
    if (top) out[repository.toLowerCase()] = top.slug;
  }
  return out;
}

function fileReports(plan: RepositoryPlan): DryRunFile[] {
  const repository = plan.repository.nameWithOwner;
  const files = plan.files.filter((f) => !f.generated);
  const parsed = parseSourceFiles(files.map(({ name, content }) => ({ name, content })));
  const reports: DryRunFile[] = files.map((file) => {
    const outcome = parsed.files.find((f) => f.file === file.name);
    const errors = outcome ? [...outcome.errors, ...outcome.documents.flatMap((d) => d.errors)] : [];
    return {
      repository,
      path: file.name,
      url: file.url,
      valid: !!outcome && !outcome.rejected && errors.length === 0,
      entities: parsed.valid.filter((v) => v.file === file.name).length,
      errors: errors.map((e) => ({
        line: e.line || null,
        column: e.column || null,
        path: e.path,
        rule: e.rule || null,
        message: e.message,
        detail: describeProblem(e),
        url: e.line ? `${file.url}#L${e.line}` : file.url,
      })),
    };
  });
  // Files that could not be read at all (too large, binary, forbidden, a broken Location
  // target): the problem is the whole file's, so it is placed at its start.
  for (const problem of plan.problems) {
    reports.push({
      repository,
      path: problem.file ?? "",
      url: problem.url,
      valid: false,
      entities: 0,
      errors: [
        {
          line: problem.line ?? 1,
          column: problem.column ?? 1,
          path: "",
          rule: null,
          message: problem.message,
          detail: problem.message,
          url: problem.url,
        },
      ],
    });
  }
  return reports;
}
