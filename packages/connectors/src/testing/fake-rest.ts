import { createHash } from "node:crypto";
import { canSeeRepository, DEFAULT_PERMISSIONS, hasPermission, type FakeAuth, type Principal } from "./fake-auth";
import * as repoShapes from "./fake-repository-shapes";
import * as shapes from "./fake-shapes";
import { fileBytes, gitBlobSha, type FakeFile, type FakeOrgState, type FakeRepository } from "./fake-state";

export type FakeResponse = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** GitHub does not charge /rate_limit against the budget. */
  free?: boolean;
};

export type RestContext = {
  method: string;
  path: string;
  query: URLSearchParams;
  principal: Principal;
  state: FakeOrgState;
  auth: FakeAuth;
  urls: shapes.Urls;
  /** Origin plus the path prefix the request came in on, for Link headers. */
  linkBase: string;
  orgId: number;
  rateLimits: () => Record<string, { limit: number; remaining: number; reset: number; used: number }>;
  /** The parsed JSON body of a POST/PUT, or undefined. */
  body?: unknown;
};

const DOCS = "https://docs.github.com/rest";

export function notFound(message = "Not Found"): FakeResponse {
  return { status: 404, body: { message, documentation_url: DOCS, status: "404" } };
}

export function forbidden(principal: Principal, permission: string, level: "read" | "write" = "read"): FakeResponse {
  const who = principal.kind === "installation" ? "integration" : "personal access token";
  return {
    status: 403,
    body: { message: `Resource not accessible by ${who}`, documentation_url: DOCS, status: "403" },
    headers: { "x-accepted-github-permissions": `${permission}=${level}` },
  };
}

type Route = { method: string; pattern: RegExp; handle: (ctx: RestContext, params: string[]) => FakeResponse };

const ROUTES: Route[] = [
  { method: "GET", pattern: /^\/rate_limit$/, handle: rateLimit },
  { method: "GET", pattern: /^\/user$/, handle: authenticatedUser },
  { method: "GET", pattern: /^\/app$/, handle: app },
  { method: "GET", pattern: /^\/app\/installations\/(\d+)$/, handle: getInstallation },
  { method: "POST", pattern: /^\/app\/installations\/(\d+)\/access_tokens$/, handle: createInstallationToken },
  { method: "GET", pattern: /^\/installation\/repositories$/, handle: installationRepositories },
  { method: "GET", pattern: /^\/users\/([^/]+)$/, handle: getUser },
  { method: "GET", pattern: /^\/users\/([^/]+)\/repos$/, handle: orgRepos },
  { method: "GET", pattern: /^\/orgs\/([^/]+)$/, handle: getOrg },
  { method: "GET", pattern: /^\/orgs\/([^/]+)\/repos$/, handle: orgRepos },
  { method: "GET", pattern: /^\/orgs\/([^/]+)\/teams$/, handle: orgTeams },
  { method: "GET", pattern: /^\/repositories\/(\d+)$/, handle: repositoryById },
  { method: "GET", pattern: /^\/repos\/([^/]+)\/([^/]+)$/, handle: getRepository },
  { method: "GET", pattern: /^\/repos\/([^/]+)\/([^/]+)\/contents(?:\/(.*))?$/, handle: getContents },
  { method: "GET", pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs$/, handle: workflowRuns },
];

export function routeRest(ctx: RestContext): FakeResponse {
  // Redirect targets of renamed repositories: /repositories/{id}/... serves /repos/{owner}/{name}/...
  const byId = /^\/repositories\/(\d+)(\/.+)$/.exec(ctx.path);
  if (byId) {
    const repo = ctx.state.repos.get(Number(byId[1]));
    return repo ? routeRest({ ...ctx, path: `/repos/${repo.owner}/${repo.name}${byId[2]}` }) : notFound();
  }
  for (const route of ROUTES) {
    if (route.method !== ctx.method) continue;
    const match = route.pattern.exec(ctx.path);
    if (match)
      return route.handle(
        ctx,
        match.slice(1).map((p) => (p === undefined ? "" : decodeURIComponent(p))),
      );
  }
  return notFound();
}

function rateLimit(ctx: RestContext): FakeResponse {
  const resources = ctx.rateLimits();
  return { status: 200, body: { resources, rate: resources.core }, free: true };
}

function authenticatedUser(ctx: RestContext): FakeResponse {
  const p = ctx.principal;
  if (p.kind === "installation")
    return {
      status: 403,
      body: { message: "Resource not accessible by integration", documentation_url: DOCS, status: "403" },
    };
  if (p.kind !== "user") return appOnlyMismatch();
  return { status: 200, body: shapes.privateUser(ctx.urls, ctx.state.ensureUser({ login: p.login })) };
}

function appOnlyMismatch(): FakeResponse {
  return {
    status: 401,
    body: { message: "A JSON web token could not be decoded", documentation_url: DOCS, status: "401" },
  };
}

function app(ctx: RestContext): FakeResponse {
  const spec = ctx.auth.app;
  if (ctx.principal.kind !== "app" || !spec) return appOnlyMismatch();
  const permissions = spec.installations[0]?.permissions ?? { metadata: "read" };
  const info = { id: spec.id, slug: spec.slug ?? "stagedoor", name: spec.name ?? "Stagedoor", owner: ctx.state.org };
  return { status: 200, body: shapes.appInfo(ctx.urls, info, ctx.orgId, permissions) };
}

function installationShape(ctx: RestContext, id: number) {
  const spec = ctx.auth.installation(id);
  const app = ctx.auth.app;
  if (!spec || !app) return null;
  return shapes.installation(ctx.urls, {
    id,
    appId: app.id,
    appSlug: app.slug ?? "stagedoor",
    account: ctx.state.org,
    accountId: ctx.orgId,
    permissions: spec.permissions ?? DEFAULT_PERMISSIONS,
    selection: spec.repositorySelection ?? "all",
  });
}

function getInstallation(ctx: RestContext, [id]: string[]): FakeResponse {
  if (ctx.principal.kind !== "app") return appOnlyMismatch();
  const shape = installationShape(ctx, Number(id));
  return shape ? { status: 200, body: shape } : notFound();
}

function createInstallationToken(ctx: RestContext, [id]: string[]): FakeResponse {
  if (ctx.principal.kind !== "app") return appOnlyMismatch();
  const shape = installationShape(ctx, Number(id));
  if (!shape) return notFound();
  const { token, expiresAt } = ctx.auth.mintInstallationToken(Number(id));
  const body: shapes.InstallationToken = {
    token,
    expires_at: expiresAt,
    permissions: shape.permissions,
    repository_selection: shape.repository_selection,
  };
  return { status: 201, body };
}

function visibleRepositories(ctx: RestContext): FakeRepository[] {
  if (!hasPermission(ctx.principal, "metadata")) return [];
  return ctx.state.sortedRepositories().filter((r) => canSeeRepository(ctx.principal, r.name));
}

function installationRepositories(ctx: RestContext): FakeResponse {
  if (ctx.principal.kind !== "installation") {
    return {
      status: 403,
      body: {
        message: "You must authenticate with an installation access token",
        documentation_url: DOCS,
        status: "403",
      },
    };
  }
  const repos = visibleRepositories(ctx);
  const page = paginate(ctx, repos);
  const body: shapes.InstallationRepositories = {
    total_count: repos.length,
    repository_selection: ctx.principal.repositories ? "selected" : "all",
    repositories: page.items.map((r) => repoShapes.installationRepository(ctx.urls, r, ctx.orgId)),
  };
  return { status: 200, body, headers: page.headers };
}

function getUser(ctx: RestContext, [login]: string[]): FakeResponse {
  if (login?.toLowerCase() === ctx.state.org.toLowerCase()) {
    return {
      status: 200,
      body: { ...shapes.account(ctx.urls, ctx.state.org, ctx.orgId, "Organization"), name: ctx.state.org },
    };
  }
  const user = ctx.state.users.get(login?.toLowerCase() ?? "");
  if (!user) return notFound();
  return {
    status: 200,
    body: { ...shapes.account(ctx.urls, user.login, user.id), name: user.name, email: user.email },
  };
}

function getOrg(ctx: RestContext, [org]: string[]): FakeResponse {
  if (org?.toLowerCase() !== ctx.state.org.toLowerCase()) return notFound();
  const publicRepos = [...ctx.state.repos.values()].filter((r) => !r.private).length;
  return { status: 200, body: shapes.organization(ctx.urls, ctx.state.org, ctx.orgId, publicRepos) };
}

function orgRepos(ctx: RestContext, [org]: string[]): FakeResponse {
  if (org?.toLowerCase() !== ctx.state.org.toLowerCase()) {
    // A user of the fake owns no repositories; an unknown login is a 404 like on GitHub.
    return ctx.state.users.has(org?.toLowerCase() ?? "") ? { status: 200, body: [] } : notFound();
  }
  const page = paginate(ctx, visibleRepositories(ctx));
  return {
    status: 200,
    body: page.items.map((r) => repoShapes.repository(ctx.urls, r, ctx.orgId)),
    headers: page.headers,
  };
}

function orgTeams(ctx: RestContext, [org]: string[]): FakeResponse {
  if (org?.toLowerCase() !== ctx.state.org.toLowerCase()) return notFound();
  if (!hasPermission(ctx.principal, "members")) return forbidden(ctx.principal, "members");
  const teams = [...ctx.state.teams.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  const page = paginate(ctx, teams);
  const body = page.items.map((t) =>
    shapes.team(ctx.urls, ctx.state.org, t, t.parent ? ctx.state.teams.get(t.parent) : undefined),
  );
  return { status: 200, body, headers: page.headers };
}

/** A repository the principal may see, a 301 to its new name, or a 404. */
export function resolveRepository(
  ctx: RestContext,
  owner: string,
  name: string,
  rest = "",
): FakeRepository | FakeResponse {
  const repo = ctx.state.findRepository(owner, name);
  if (repo)
    return canSeeRepository(ctx.principal, repo.name) && hasPermission(ctx.principal, "metadata") ? repo : notFound();
  const movedId = ctx.state.redirects.get(`${owner}/${name}`.toLowerCase());
  const moved = movedId === undefined ? undefined : ctx.state.repos.get(movedId);
  if (moved && canSeeRepository(ctx.principal, moved.name)) {
    const location = `${ctx.linkBase}/repositories/${moved.id}${rest}`;
    return {
      status: 301,
      body: { message: "Moved Permanently", url: location, documentation_url: DOCS },
      headers: { location },
    };
  }
  return notFound();
}

function getRepository(ctx: RestContext, [owner, name]: string[]): FakeResponse {
  const repo = resolveRepository(ctx, owner ?? "", name ?? "");
  return "status" in repo ? repo : { status: 200, body: repoShapes.repository(ctx.urls, repo, ctx.orgId) };
}

function repositoryById(ctx: RestContext, [id]: string[]): FakeResponse {
  const repo = ctx.state.repos.get(Number(id));
  if (!repo || !canSeeRepository(ctx.principal, repo.name)) return notFound();
  return { status: 200, body: repoShapes.repository(ctx.urls, repo, ctx.orgId) };
}

function getContents(ctx: RestContext, [owner, name, path]: string[]): FakeResponse {
  const repo = resolveRepository(ctx, owner ?? "", name ?? "", `/contents/${path ?? ""}`);
  if ("status" in repo) return repo;
  if (!hasPermission(ctx.principal, "contents")) return forbidden(ctx.principal, "contents");
  if (repo.empty) return notFound("This repository is empty.");
  const ref = ctx.query.get("ref") || repo.defaultBranch;
  if (ref !== repo.defaultBranch && !/^[0-9a-f]{40}$/.test(ref)) return notFound(`No commit found for the ref ${ref}`);
  const filePath = (path ?? "").replace(/\/+$/, "");
  const file = repo.files.get(filePath);
  if (file !== undefined) {
    const blobSha = gitBlobSha(file);
    return { status: 200, body: repoShapes.contentFile(ctx.urls, repo, filePath, ref, file, blobSha) };
  }
  const prefix = filePath ? `${filePath}/` : "";
  const children = new Set<string>();
  for (const key of repo.files.keys())
    if (key.startsWith(prefix)) children.add(key.slice(prefix.length).split("/")[0] as string);
  if (children.size === 0) return notFound();
  const listing = [...children].sort().map((child) => {
    const childPath = `${prefix}${child}`;
    const isFile = repo.files.has(childPath);
    const full = `${repo.owner}/${repo.name}`;
    return {
      name: child,
      path: childPath,
      sha: createHash("sha1").update(childPath).digest("hex"),
      size: isFile ? fileBytes(repo.files.get(childPath) as FakeFile).byteLength : 0,
      url: `${ctx.urls.api}/repos/${full}/contents/${childPath}?ref=${ref}`,
      html_url: `${ctx.urls.web}/${full}/${isFile ? "blob" : "tree"}/${ref}/${childPath}`,
      type: isFile ? "file" : "dir",
    };
  });
  return { status: 200, body: listing };
}

function workflowRuns(ctx: RestContext, [owner, name]: string[]): FakeResponse {
  const repo = resolveRepository(ctx, owner ?? "", name ?? "", "/actions/runs");
  if ("status" in repo) return repo;
  if (!hasPermission(ctx.principal, "actions")) return forbidden(ctx.principal, "actions");
  const branch = ctx.query.get("branch");
  const runs = repo.workflowRuns.filter((r) => !branch || r.branch === branch);
  const page = paginate(ctx, runs);
  const body: shapes.WorkflowRuns = {
    total_count: runs.length,
    workflow_runs: page.items.map((r) => repoShapes.workflowRun(ctx.urls, repo, r, ctx.orgId)),
  };
  return { status: 200, body, headers: page.headers };
}

/** GitHub's page/per_page pagination with a Link header (next, last, prev, first). */
function paginate<T>(ctx: RestContext, all: T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.get("per_page")) || 30));
  const page = Math.max(1, Number(ctx.query.get("page")) || 1);
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (p: number, rel: string) => {
    const query = new URLSearchParams(ctx.query);
    query.set("per_page", String(perPage));
    query.set("page", String(p));
    return `<${ctx.linkBase}${ctx.path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(", ") } : {},
  };
}
