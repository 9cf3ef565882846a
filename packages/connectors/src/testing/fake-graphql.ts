import { canSeeRepository, hasPermission } from "./fake-auth";
import {
  decodeCursor,
  encodeCursor,
  PAGE_MAX,
  rateLimitField,
  type GraphqlContext,
  type GraphqlError,
} from "./fake-graphql-common";
import { asksForCiStatus, ciCommit } from "./fake-graphql-ci";
import { organizationMembers, organizationTeams, teamConnection } from "./fake-graphql-teams";
import type { FakeResponse } from "./fake-rest";
import { fileBytes, gitBlobSha, isBinaryFile, type FakeRepository } from "./fake-state";

/**
 * Answers the queries Stagedoor sends, recognised by operation name. Per-path blob lookups
 * are read from the query's aliases (`f0: object(expression: $f0)`), which is all the parsing
 * the fake needs; anything else gets the error GitHub gives for an unparsable document.
 */
export function answerGraphql(ctx: GraphqlContext, body: unknown): FakeResponse {
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== "string")
    return {
      status: 400,
      body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
    };
  const vars = variables ?? {};
  const operation = /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(query)?.[1];
  const handler = operation === undefined ? undefined : OPERATIONS[operation];
  if (!handler) {
    return {
      status: 200,
      body: {
        errors: [{ message: `Parse error: the fake GitHub does not know operation ${operation ?? "(anonymous)"}` }],
      },
    };
  }
  const errors: GraphqlError[] = [];
  const data = handler(ctx, query, vars, errors);
  return { status: 200, body: errors.length ? { data, errors } : { data } };
}

type OperationHandler = (
  ctx: GraphqlContext,
  query: string,
  vars: Record<string, unknown>,
  errors: GraphqlError[],
) => Record<string, unknown> | null;

const OPERATIONS: Record<string, OperationHandler> = {
  StagedoorDiscoverRepositories: discoverRepositories,
  StagedoorRepositoryNodes: repositoryNodes,
  StagedoorFetchFiles: fetchFiles,
  StagedoorOrganizationTeams: (ctx, _query, vars, errors) => organizationTeams(ctx, vars, errors),
  StagedoorTeamMembers: (ctx, _query, vars, errors) => teamConnection(ctx, vars, errors, "members"),
  StagedoorTeamRepositories: (ctx, _query, vars, errors) => teamConnection(ctx, vars, errors, "repositories"),
  StagedoorOrganizationMembers: (ctx, _query, vars, errors) => organizationMembers(ctx, vars, errors),
};

/** The operations the fake answers: the schema-fidelity test checks that it saw each of them. */
export const FAKE_GRAPHQL_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

function blobAliases(query: string, vars: Record<string, unknown>): Array<{ alias: string; path: string }> {
  const found: Array<{ alias: string; path: string }> = [];
  for (const m of query.matchAll(/(\w+)\s*:\s*object\(\s*expression:\s*\$(\w+)\s*\)/g)) {
    const expression = vars[m[2] as string];
    if (typeof expression === "string") found.push({ alias: m[1] as string, path: expression.replace(/^[^:]*:/, "") });
  }
  return found;
}

function repositoryNode(
  ctx: GraphqlContext,
  repo: FakeRepository,
  query: string,
  aliases: Array<{ alias: string; path: string }>,
  path: Array<string | number>,
  errors: GraphqlError[],
) {
  const node: Record<string, unknown> = {
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    url: `${ctx.urls.web}/${repo.owner}/${repo.name}`,
    description: repo.description,
    isArchived: repo.archived,
    isFork: repo.fork,
    isPrivate: repo.private,
    isEmpty: repo.empty,
    pushedAt: repo.pushedAt,
    owner: { login: repo.owner },
    defaultBranchRef: repo.empty
      ? null
      : asksForCiStatus(query)
        ? { name: repo.defaultBranch, target: ciCommit(ctx, repo, query, path, errors) }
        : { name: repo.defaultBranch },
    repositoryTopics: { nodes: repo.topics.map((name) => ({ topic: { name } })) },
  };
  const readable = hasPermission(ctx.principal, "contents");
  for (const { alias, path: filePath } of aliases) {
    if (!readable) {
      node[alias] = null;
      errors.push({ type: "FORBIDDEN", path: [...path, alias], message: "Resource not accessible by integration" });
      continue;
    }
    node[alias] = repo.empty ? null : gitObject(ctx, repo, filePath);
  }
  return node;
}

function gitObject(ctx: GraphqlContext, repo: FakeRepository, path: string) {
  const file = repo.files.get(path);
  if (file === undefined) {
    const isTree = [...repo.files.keys()].some((k) => k.startsWith(`${path}/`));
    return isTree ? { __typename: "Tree", oid: gitBlobSha(`tree:${path}`) } : null;
  }
  const bytes = fileBytes(file);
  const oid = gitBlobSha(file);
  if (isBinaryFile(file))
    return { __typename: "Blob", oid, text: null, byteSize: bytes.byteLength, isTruncated: false, isBinary: true };
  const truncated = bytes.byteLength > ctx.blobTextLimitBytes;
  const text = Buffer.from(truncated ? bytes.subarray(0, ctx.blobTextLimitBytes) : bytes).toString("utf8");
  return { __typename: "Blob", oid, text, byteSize: bytes.byteLength, isTruncated: truncated, isBinary: false };
}

function discoverRepositories(
  ctx: GraphqlContext,
  query: string,
  vars: Record<string, unknown>,
  errors: GraphqlError[],
) {
  const login = String(vars.login ?? "");
  if (login.toLowerCase() !== ctx.state.org.toLowerCase() || !hasPermission(ctx.principal, "metadata")) {
    return { rateLimit: rateLimitField(ctx), repositoryOwner: null };
  }
  const first = Math.min(PAGE_MAX, Number(vars.first) || PAGE_MAX);
  const after = decodeCursor(vars.after);
  // orderBy CREATED_AT: ids grow with creation, so they are the keyset.
  const visible = [...ctx.state.repos.values()]
    .sort((a, b) => a.id - b.id)
    .filter((r) => canSeeRepository(ctx.principal, r.name));
  const remaining = after === null ? visible : visible.filter((r) => r.id > Number(after));
  const page = remaining.slice(0, first);
  const aliases = blobAliases(query, vars);
  const nodes = page.map((repo, i) =>
    repositoryNode(ctx, repo, query, aliases, ["repositoryOwner", "repositories", "nodes", i], errors),
  );
  const last = page[page.length - 1];
  return {
    rateLimit: rateLimitField(ctx),
    repositoryOwner: {
      login: ctx.state.org,
      repositories: {
        totalCount: visible.length,
        pageInfo: {
          hasNextPage: remaining.length > page.length,
          endCursor: last ? encodeCursor(String(last.id)) : null,
        },
        nodes,
      },
    },
  };
}

function repositoryNodes(ctx: GraphqlContext, query: string, vars: Record<string, unknown>, errors: GraphqlError[]) {
  const ids = Array.isArray(vars.ids) ? vars.ids.map(String) : [];
  const aliases = blobAliases(query, vars);
  const byNodeId = new Map([...ctx.state.repos.values()].map((r) => [r.nodeId, r]));
  const nodes = ids.map((id, i) => {
    const repo = byNodeId.get(id);
    if (!repo || !canSeeRepository(ctx.principal, repo.name)) {
      errors.push({
        type: "NOT_FOUND",
        path: ["nodes", i],
        message: `Could not resolve to a node with the global id of '${id}'`,
      });
      return null;
    }
    return repositoryNode(ctx, repo, query, aliases, ["nodes", i], errors);
  });
  return { rateLimit: rateLimitField(ctx), nodes };
}

function fetchFiles(ctx: GraphqlContext, query: string, vars: Record<string, unknown>, errors: GraphqlError[]) {
  const data: Record<string, unknown> = { rateLimit: rateLimitField(ctx) };
  const pattern =
    /(\w+)\s*:\s*repository\(\s*owner:\s*\$(\w+)\s*,\s*name:\s*\$(\w+)\s*\)\s*\{\s*object\(\s*expression:\s*\$(\w+)\s*\)/g;
  for (const [, alias, ownerVar, nameVar, expressionVar] of query.matchAll(pattern) as IterableIterator<string[]>) {
    const owner = String(vars[ownerVar as string] ?? "");
    const name = String(vars[nameVar as string] ?? "");
    const repo = ctx.state.findRepository(owner, name);
    if (!repo || !canSeeRepository(ctx.principal, repo.name)) {
      data[alias as string] = null;
      errors.push({
        type: "NOT_FOUND",
        path: [alias as string],
        message: `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      });
      continue;
    }
    if (!hasPermission(ctx.principal, "contents")) {
      data[alias as string] = { object: null };
      errors.push({
        type: "FORBIDDEN",
        path: [alias as string, "object"],
        message: "Resource not accessible by integration",
      });
      continue;
    }
    const expression = String(vars[expressionVar as string] ?? "");
    const separator = expression.indexOf(":");
    const ref = expression.slice(0, separator);
    const knownRef = ref === "HEAD" || ref === repo.defaultBranch || /^[0-9a-f]{40}$/.test(ref);
    data[alias as string] = {
      object: knownRef && !repo.empty ? gitObject(ctx, repo, expression.slice(separator + 1)) : null,
    };
  }
  return data;
}
