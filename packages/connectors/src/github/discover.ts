import { mapWithConcurrency } from "../util/concurrency";
import type { GitHubClient } from "./client";
import {
  blobAliases,
  ownerRepositoriesQuery,
  pathVariableValues,
  repositoryNodesQuery,
  toDiscoveredRepository,
  type BlobAlias,
  type DiscoveredFile,
  type DiscoveredRepository,
  type RawRepository,
  type TruncatedBlob,
} from "./discover-query";
import { DEFAULT_MAX_FILE_BYTES, fetchFileContent, type EtagCache } from "./fetch-file";
import { graphqlAllowingPartial, GraphqlQueryError, isQueryTimeout } from "./graphql";

export type DiscoverOptions = {
  /** Organisation or user whose repositories to list. Omit to list what a GitHub App installation can see. */
  owner?: string;
  /** Catalog file paths looked up in every repository (default ["catalog-info.yaml"]). */
  catalogPaths?: readonly string[];
  /** Also fetch CODEOWNERS for owner inference (default true). */
  includeCodeowners?: boolean;
  maxFileBytes?: number;
  /** Repositories per GraphQL query, at most 100 (GitHub's maximum). */
  pageSize?: number;
  /** Resume after this cursor (the `cursor` of the last page a previous run finished). */
  after?: string | null;
  /** ETags for the REST follow-ups of files GraphQL truncated. */
  etagCache?: EtagCache;
  /** Also read the default branch's CI status (head commit, check rollup, its workflow runs) in the same query. */
  includeCiStatus?: boolean;
};

export type DiscoveryPage = {
  repositories: DiscoveredRepository[];
  /** Pass as `after` to continue after this page, e.g. when a job resumes after RateLimitedError. */
  cursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
  /** Problems that did not stop discovery, for the sync run's error list. */
  problems: string[];
};

export type DiscoveryErrorCode = "owner-not-found" | "owner-required" | "invalid-path" | "graphql-error";

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
  constructor(
    readonly code: DiscoveryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Catalog file paths per discovery (the one limit: core's settings and the api schema use it too). */
export const MAX_CATALOG_PATHS = 20;
const MIN_PAGE_SIZE = 10;

/**
 * Lists repositories with the content of their catalog files and CODEOWNERS, one GraphQL
 * request per page of up to 100 repositories (an installation's selected repositories cost one
 * REST listing request more per page). Truncated blobs are re-read by REST, a few at a time.
 */
export async function* discoverRepositoryPages(
  client: GitHubClient,
  options: DiscoverOptions = {},
): AsyncGenerator<DiscoveryPage> {
  const catalogPaths = validatePaths(options.catalogPaths ?? ["catalog-info.yaml"]);
  const aliases = blobAliases(catalogPaths, options.includeCodeowners ?? true);
  const settings = {
    aliases,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    etagCache: options.etagCache,
    pageSize: Math.min(100, Math.max(1, options.pageSize ?? 100)),
    includeCi: options.includeCiStatus ?? false,
  };
  if (options.owner) {
    yield* ownerPages(client, options.owner, options.after ?? null, settings);
    return;
  }
  if (client.authType !== "app") {
    throw new DiscoveryError(
      "owner-required",
      "A personal access token needs an organization or user to discover repositories of.",
    );
  }
  yield* installationPages(client, options.after ?? null, settings);
}

/** Every page at once, for callers that do not need to checkpoint. */
export async function discoverRepositories(
  client: GitHubClient,
  options: DiscoverOptions = {},
): Promise<{ repositories: DiscoveredRepository[]; totalCount: number; problems: string[] }> {
  const repositories: DiscoveredRepository[] = [];
  const problems: string[] = [];
  let totalCount = 0;
  for await (const page of discoverRepositoryPages(client, options)) {
    repositories.push(...page.repositories);
    problems.push(...page.problems);
    totalCount = page.totalCount;
  }
  return { repositories, totalCount, problems };
}

type Settings = {
  aliases: BlobAlias[];
  maxFileBytes: number;
  etagCache?: EtagCache;
  pageSize: number;
  includeCi: boolean;
};

type OwnerData = {
  repositoryOwner: {
    repositories: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<RawRepository | null>;
    };
  } | null;
};

async function* ownerPages(
  client: GitHubClient,
  owner: string,
  after: string | null,
  settings: Settings,
): AsyncGenerator<DiscoveryPage> {
  const query = ownerRepositoriesQuery(settings.aliases, settings.includeCi);
  let cursor = after;
  let pageSize = settings.pageSize;
  for (;;) {
    let result: GraphqlResult<OwnerData>;
    try {
      result = await graphql<OwnerData>(client, query, {
        login: owner,
        first: pageSize,
        after: cursor,
        ...pathVariableValues(settings.aliases),
      });
    } catch (error) {
      // GitHub answers 502 when a query runs out of time; a smaller page usually fits.
      if (isQueryTimeout(error) && pageSize > MIN_PAGE_SIZE) {
        pageSize = Math.max(MIN_PAGE_SIZE, Math.ceil(pageSize / 2));
        continue;
      }
      throw error;
    }
    const connection = result.data.repositoryOwner?.repositories;
    if (!connection)
      throw new DiscoveryError("owner-not-found", `No organization or user "${owner}" is visible to this connection.`);
    const repositories = await toRepositories(client, connection.nodes, result, settings);
    const { hasNextPage, endCursor } = connection.pageInfo;
    yield {
      repositories,
      cursor: endCursor ?? cursor,
      hasNextPage,
      totalCount: connection.totalCount,
      problems: result.problems,
    };
    if (!hasNextPage || !endCursor) return;
    cursor = endCursor;
  }
}

type NodesData = { nodes: Array<RawRepository | null> };

async function* installationPages(
  client: GitHubClient,
  after: string | null,
  settings: Settings,
): AsyncGenerator<DiscoveryPage> {
  const query = repositoryNodesQuery(settings.aliases, settings.includeCi);
  let page = after ? Number(/^installation-page:(\d+)$/.exec(after)?.[1] ?? NaN) + 1 : 1;
  if (!Number.isInteger(page))
    throw new DiscoveryError("graphql-error", `"${after}" is not a cursor from an installation discovery.`);
  for (;;) {
    const { data } = await client.octokit.request("GET /installation/repositories", {
      per_page: settings.pageSize,
      page,
    });
    const ids = data.repositories.map((r) => r.node_id);
    const repositories: DiscoveredRepository[] = [];
    const problems: string[] = [];
    let chunk = ids.length;
    for (let start = 0; start < ids.length;) {
      const slice = ids.slice(start, start + chunk);
      let result: GraphqlResult<NodesData>;
      try {
        result = await graphql<NodesData>(client, query, { ids: slice, ...pathVariableValues(settings.aliases) });
      } catch (error) {
        if (isQueryTimeout(error) && chunk > MIN_PAGE_SIZE) {
          chunk = Math.max(MIN_PAGE_SIZE, Math.ceil(chunk / 2));
          continue;
        }
        throw error;
      }
      repositories.push(...(await toRepositories(client, result.data.nodes, result, settings)));
      problems.push(...result.problems);
      start += slice.length;
    }
    const hasNextPage = page * settings.pageSize < data.total_count;
    yield { repositories, cursor: `installation-page:${page}`, hasNextPage, totalCount: data.total_count, problems };
    if (!hasNextPage || ids.length === 0) return;
    page++;
  }
}

type GraphqlResult<T> = {
  data: T;
  problems: string[];
  forbidden: Map<number, Set<string>>;
  /** Node indexes whose CI status GitHub refused or could not give (no checks permission, say). */
  ciUnreadable: Set<number>;
};

/**
 * Field errors become per-file "forbidden" results (by node index and alias), unreadable CI
 * status (errors under a node's defaultBranchRef: the repository itself was listed, so they
 * must not make the page incomplete), or page problems.
 */
async function graphql<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlResult<T>> {
  let result;
  try {
    result = await graphqlAllowingPartial<T>(client, query, variables);
  } catch (error) {
    if (error instanceof GraphqlQueryError) throw new DiscoveryError("graphql-error", error.message);
    throw error;
  }
  const problems: string[] = [];
  const forbidden = new Map<number, Set<string>>();
  const ciUnreadable = new Set<number>();
  for (const e of result.errors) {
    const node = e.path.find((p): p is number => typeof p === "number");
    if (node !== undefined && e.path.includes("defaultBranchRef")) {
      ciUnreadable.add(node);
      continue;
    }
    const index = e.path[e.path.length - 2];
    const alias = e.path[e.path.length - 1];
    if (e.type === "FORBIDDEN" && typeof index === "number" && typeof alias === "string") {
      forbidden.set(index, (forbidden.get(index) ?? new Set()).add(alias));
    } else {
      problems.push(`${e.path.join(".") || "query"}: ${e.message}`);
    }
  }
  return { data: result.data, problems, forbidden, ciUnreadable };
}

async function toRepositories(
  client: GitHubClient,
  nodes: Array<RawRepository | null>,
  result: GraphqlResult<unknown>,
  settings: Settings,
): Promise<DiscoveredRepository[]> {
  const truncated: TruncatedBlob[] = [];
  const repositories = nodes.flatMap((raw, index) =>
    raw
      ? [
          toDiscoveredRepository(
            raw,
            settings.aliases,
            {
              maxFileBytes: settings.maxFileBytes,
              webBaseUrl: client.endpoints.webBaseUrl,
              forbidden: result.forbidden.get(index) ?? new Set(),
              ciUnreadable: settings.includeCi ? result.ciUnreadable.has(index) : null,
            },
            truncated,
          ),
        ]
      : [],
  );
  if (truncated.length === 0) return repositories;
  const byId = new Map(repositories.map((r) => [r.id, r]));
  await mapWithConcurrency(truncated, client.maxConcurrency, async ({ repository, alias }) => {
    const fetched = await fetchFileContent(
      client,
      { owner: repository.owner.login, repo: repository.name, path: alias.path },
      { etagCache: settings.etagCache, maxBytes: settings.maxFileBytes },
    );
    const target = byId.get(repository.id);
    if (!target) return;
    const { fromCache: _fromCache, ...file }: DiscoveredFile & { fromCache?: boolean } = fetched;
    if (alias.kind === "catalog")
      target.catalogFiles = target.catalogFiles.map((f) => (f.path === alias.path ? file : f));
    else if (target.codeowners?.path === alias.path) target.codeowners = file;
  });
  return repositories;
}

function validatePaths(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new DiscoveryError("invalid-path", "At least one catalog file path is needed.");
  if (paths.length > MAX_CATALOG_PATHS)
    throw new DiscoveryError("invalid-path", `At most ${MAX_CATALOG_PATHS} catalog file paths are supported.`);
  return paths.map((raw) => {
    const path = raw.trim().replace(/^\.\//, "");
    const bad =
      !path ||
      path.startsWith("/") ||
      path.split("/").some((s) => s === "" || s === "." || s === "..") ||
      /[\0\n\r]/.test(path);
    if (bad)
      throw new DiscoveryError(
        "invalid-path",
        `"${raw}" is not a file path inside a repository (use e.g. catalog-info.yaml or services/catalog-info.yaml).`,
      );
    return path;
  });
}
