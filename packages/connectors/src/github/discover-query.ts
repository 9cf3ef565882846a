import { BLOB_FRAGMENT, blobToFile, forbiddenFile, type DiscoveredFile, type RawGitObject } from "./blob";
import { CI_STATUS_FRAGMENT, toCiStatus, UNREADABLE_CI, type CiStatus } from "./ci-status";
import { githubBlobUrl } from "./urls";

export type { DiscoveredFile } from "./blob";

/** GitHub's own lookup order for CODEOWNERS: the first one found wins. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

export type DiscoveredRepository = {
  /** GraphQL node id: stable across renames and transfers, so it is the key to diff syncs by. */
  id: string;
  databaseId: number;
  name: string;
  owner: string;
  nameWithOwner: string;
  url: string;
  description: string | null;
  /** Null for an empty repository. */
  defaultBranch: string | null;
  isArchived: boolean;
  isFork: boolean;
  isPrivate: boolean;
  pushedAt: string | null;
  topics: string[];
  /** Catalog files that exist, in configured path order; missing paths are simply absent. */
  catalogFiles: DiscoveredFile[];
  codeowners: DiscoveredFile | null;
  /** The default branch's CI status when discovery was asked for it (`includeCiStatus`), else null. */
  ci: CiStatus | null;
};

export type BlobAlias = { alias: string; variable: string; path: string; kind: "catalog" | "codeowners" };

export function blobAliases(catalogPaths: readonly string[], includeCodeowners: boolean): BlobAlias[] {
  const aliases: BlobAlias[] = catalogPaths.map((path, i) => ({
    alias: `catalog${i}`,
    variable: `catalogPath${i}`,
    path,
    kind: "catalog",
  }));
  if (includeCodeowners) {
    CODEOWNERS_PATHS.forEach((path, i) =>
      aliases.push({ alias: `codeowners${i}`, variable: `codeownersPath${i}`, path, kind: "codeowners" }),
    );
  }
  return aliases;
}

function repositoryFragment(aliases: BlobAlias[], includeCi: boolean): string {
  const objects = aliases
    .map((a) => `  ${a.alias}: object(expression: $${a.variable}) { ...StagedoorBlob }`)
    .join("\n");
  const branch = includeCi
    ? "defaultBranchRef { name target { ... on Commit { ...StagedoorCiStatus } } }"
    : "defaultBranchRef { name }";
  return `fragment StagedoorRepository on Repository {
  id databaseId name nameWithOwner url description
  isArchived isFork isPrivate isEmpty pushedAt
  owner { login }
  ${branch}
  repositoryTopics(first: 20) { nodes { topic { name } } }
${objects}
}
${BLOB_FRAGMENT}${includeCi ? `\n${CI_STATUS_FRAGMENT}` : ""}`;
}

function pathVariables(aliases: BlobAlias[]): string {
  return aliases.map((a) => `$${a.variable}: String!`).join(", ");
}

/** Paths travel as variables ("HEAD:<path>"), so no path is ever spliced into query text. */
export function pathVariableValues(aliases: BlobAlias[]): Record<string, string> {
  return Object.fromEntries(aliases.map((a) => [a.variable, `HEAD:${a.path}`]));
}

/**
 * One page of an organisation's or user's repositories with their catalog files: one request.
 * Ordered by creation, which renames do not change, so a run resumed from a saved cursor
 * neither skips nor repeats repositories renamed in between.
 */
export function ownerRepositoriesQuery(aliases: BlobAlias[], includeCi = false): string {
  return `query StagedoorDiscoverRepositories($login: String!, $first: Int!, $after: String, ${pathVariables(aliases)}) {
  rateLimit { cost remaining resetAt }
  repositoryOwner(login: $login) {
    login
    repositories(first: $first, after: $after, ownerAffiliations: [OWNER], orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...StagedoorRepository }
    }
  }
}
${repositoryFragment(aliases, includeCi)}`;
}

/** The same fields for repositories named by node id (an installation's selected repositories). */
export function repositoryNodesQuery(aliases: BlobAlias[], includeCi = false): string {
  return `query StagedoorRepositoryNodes($ids: [ID!]!, ${pathVariables(aliases)}) {
  rateLimit { cost remaining resetAt }
  nodes(ids: $ids) { ... on Repository { ...StagedoorRepository } }
}
${repositoryFragment(aliases, includeCi)}`;
}

export type RawRepository = {
  id: string;
  databaseId: number;
  name: string;
  nameWithOwner: string;
  url: string;
  description: string | null;
  isArchived: boolean;
  isFork: boolean;
  isPrivate: boolean;
  isEmpty?: boolean;
  pushedAt: string | null;
  owner: { login: string };
  defaultBranchRef: { name: string; target?: unknown } | null;
  repositoryTopics?: { nodes: Array<{ topic: { name: string } } | null> };
  [alias: string]: unknown;
};

/** A blob that needs a REST follow-up because GraphQL cut its text short. */
export type TruncatedBlob = { repository: RawRepository; alias: BlobAlias };

export function toDiscoveredRepository(
  raw: RawRepository,
  aliases: BlobAlias[],
  options: {
    maxFileBytes: number;
    webBaseUrl: string;
    forbidden: Set<string>;
    /** Null when the query did not ask for CI status; true when GitHub refused it for this repository. */
    ciUnreadable: boolean | null;
  },
  truncated: TruncatedBlob[],
): DiscoveredRepository {
  const branch = raw.defaultBranchRef?.name ?? null;
  const catalogFiles: DiscoveredFile[] = [];
  let codeowners: DiscoveredFile | null = null;
  for (const alias of aliases) {
    const url = githubBlobUrl(options.webBaseUrl, raw.nameWithOwner, branch ?? "HEAD", alias.path);
    let file: DiscoveredFile | null;
    if (options.forbidden.has(alias.alias)) {
      file = forbiddenFile(alias.path, url);
    } else {
      file = blobToFile(alias.path, url, raw[alias.alias] as RawGitObject, options.maxFileBytes);
      if (file?.status === "error" && file.reason === "truncated") truncated.push({ repository: raw, alias });
    }
    if (!file) continue;
    if (alias.kind === "catalog") catalogFiles.push(file);
    else codeowners ??= file;
  }
  return {
    id: raw.id,
    databaseId: raw.databaseId,
    name: raw.name,
    owner: raw.owner.login,
    nameWithOwner: raw.nameWithOwner,
    url: raw.url,
    description: raw.description,
    defaultBranch: branch,
    isArchived: raw.isArchived,
    isFork: raw.isFork,
    isPrivate: raw.isPrivate,
    pushedAt: raw.pushedAt,
    topics: (raw.repositoryTopics?.nodes ?? []).flatMap((n) => (n ? [n.topic.name] : [])),
    catalogFiles,
    codeowners,
    ci:
      options.ciUnreadable === null
        ? null
        : options.ciUnreadable
          ? UNREADABLE_CI
          : toCiStatus(raw.defaultBranchRef?.target, raw.nameWithOwner, branch),
  };
}
