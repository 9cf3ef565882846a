import type { RestEndpointMethodTypes as T } from "@octokit/rest";
import { hasPermission, type Principal } from "./fake-auth";
import { forbidden, notFound, resolveRepository, type FakeResponse, type RestContext } from "./fake-rest";
import * as repoShapes from "./fake-repository-shapes";
import { account } from "./fake-shapes";
import { gitBlobSha, sha, type FakeBranch, type FakePullRequest, type FakeRepository } from "./fake-state";

// The writes Backstage's catalog import makes to open a pull request (read a branch's ref,
// create a branch, put a file on it, open the pull request), with GitHub's response shapes
// and its errors for the cases callers must explain: missing write permission, a branch or
// file that already exists, a pull request already open for the branch.

type Data<K extends keyof T, M extends keyof T[K]> = T[K][M] extends { response: { data: infer D } } ? D : never;
type GitRef = Data<"git", "getRef">;
type FileCommit = Data<"repos", "createOrUpdateFileContents">;
type PullRequest = Data<"pulls", "create">;

type Route = { method: string; pattern: RegExp; handle: (ctx: RestContext, params: string[]) => FakeResponse };

const ROUTES: Route[] = [
  // Octokit sends the ref encoded (heads%2Fmain); GitHub takes it either way.
  { method: "GET", pattern: /^\/repos\/([^/]+)\/([^/]+)\/git\/ref\/(.+)$/, handle: getBranchRef },
  { method: "POST", pattern: /^\/repos\/([^/]+)\/([^/]+)\/git\/refs$/, handle: createRef },
  { method: "PUT", pattern: /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/, handle: putContents },
  { method: "POST", pattern: /^\/repos\/([^/]+)\/([^/]+)\/pulls$/, handle: createPull },
];

/** Answers the write routes; null for every other request. */
export function routeRestWrite(ctx: RestContext): FakeResponse | null {
  for (const route of ROUTES) {
    if (route.method !== ctx.method) continue;
    const match = route.pattern.exec(ctx.path);
    if (match)
      return route.handle(
        ctx,
        match.slice(1).map((p) => decodeURIComponent(p ?? "")),
      );
  }
  return null;
}

function unprocessable(message: string, docs: string, errors?: unknown[]): FakeResponse {
  return {
    status: 422,
    body: { message, ...(errors ? { errors } : {}), documentation_url: docs, status: "422" },
  };
}

/** The branch's head commit and files: the default branch lives on the repository itself. */
function branchOf(repo: FakeRepository, name: string): FakeBranch | null {
  if (name === repo.defaultBranch && !repo.empty) return { headOid: repo.headOid, files: repo.files };
  return repo.branches.get(name) ?? null;
}

function refShape(ctx: RestContext, repo: FakeRepository, branch: string, headOid: string): GitRef {
  const api = `${ctx.urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${Buffer.from(`${repo.id}:${branch}`).toString("base64url")}`,
    url: `${api}/git/refs/heads/${branch}`,
    object: { type: "commit", sha: headOid, url: `${api}/git/commits/${headOid}` },
  };
}

function writable(ctx: RestContext, owner: string, name: string, permission: string): FakeRepository | FakeResponse {
  const repo = resolveRepository(ctx, owner, name);
  if ("status" in repo) return repo;
  if (!hasPermission(ctx.principal, permission, "write")) return forbidden(ctx.principal, permission, "write");
  return repo;
}

function getBranchRef(ctx: RestContext, [owner, name, ref]: string[]): FakeResponse {
  if (!ref?.startsWith("heads/")) return notFound();
  const branch = ref.slice("heads/".length);
  const repo = resolveRepository(ctx, owner ?? "", name ?? "");
  if ("status" in repo) return repo;
  if (!hasPermission(ctx.principal, "contents")) return forbidden(ctx.principal, "contents");
  const found = branchOf(repo, branch);
  return found ? { status: 200, body: refShape(ctx, repo, branch, found.headOid) } : notFound();
}

function createRef(ctx: RestContext, [owner, name]: string[]): FakeResponse {
  const repo = writable(ctx, owner ?? "", name ?? "", "contents");
  if ("status" in repo) return repo;
  const docs = "https://docs.github.com/rest/git/refs#create-a-reference";
  const { ref, sha: at } = (ctx.body ?? {}) as { ref?: unknown; sha?: unknown };
  if (typeof ref !== "string" || !/^refs\/heads\/.+/.test(ref) || typeof at !== "string") {
    return unprocessable("Reference name and sha are required", docs);
  }
  const branch = ref.slice("refs/heads/".length);
  if (branchOf(repo, branch)) return unprocessable("Reference already exists", docs);
  const from = [repo.headOid, ...[...repo.branches.values()].map((b) => b.headOid)];
  if (!from.includes(at)) return unprocessable("Object does not exist", docs);
  const source = at === repo.headOid ? repo.files : [...repo.branches.values()].find((b) => b.headOid === at)?.files;
  repo.branches.set(branch, { headOid: at, files: new Map(source) });
  return { status: 201, body: refShape(ctx, repo, branch, at) };
}

function putContents(ctx: RestContext, [owner, name, path]: string[]): FakeResponse {
  const repo = writable(ctx, owner ?? "", name ?? "", "contents");
  if ("status" in repo) return repo;
  const docs = "https://docs.github.com/rest/repos/contents#create-or-update-file-contents";
  const input = (ctx.body ?? {}) as { message?: unknown; content?: unknown; branch?: unknown; sha?: unknown };
  if (typeof input.message !== "string" || typeof input.content !== "string") {
    return unprocessable('Invalid request.\n\n"message" and "content" are required.', docs);
  }
  const branchName = typeof input.branch === "string" ? input.branch : repo.defaultBranch;
  const branch = branchOf(repo, branchName);
  if (!branch) return notFound(`Branch ${branchName} not found`);
  const filePath = path ?? "";
  const existing = branch.files.get(filePath);
  if (existing !== undefined && input.sha !== gitBlobSha(existing)) {
    return unprocessable(
      input.sha === undefined
        ? 'Invalid request.\n\n"sha" wasn\'t supplied.'
        : `${filePath} does not match ${String(input.sha)}`,
      docs,
    );
  }
  const content = Buffer.from(input.content, "base64").toString("utf8");
  branch.files.set(filePath, content);
  const parent = branch.headOid;
  branch.headOid = sha(`${repo.name}:${branchName}:${filePath}:${parent}`);
  if (branchName === repo.defaultBranch) {
    repo.headOid = branch.headOid;
    repo.pushedAt = new Date().toISOString();
  } else repo.branches.set(branchName, branch);
  const blobSha = gitBlobSha(content);
  const full = `${repo.owner}/${repo.name}`;
  const api = `${ctx.urls.api}/repos/${full}`;
  const who = committer(ctx.principal);
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  const file = repoShapes.contentFile(ctx.urls, repo, filePath, branchName, content, blobSha);
  const body: FileCommit = {
    content: {
      name: file.name,
      path: file.path,
      sha: file.sha,
      size: file.size,
      url: file.url,
      html_url: file.html_url ?? undefined,
      git_url: file.git_url ?? undefined,
      download_url: file.download_url ?? undefined,
      type: "file",
      _links: { self: file._links.self, git: file._links.git ?? undefined, html: file._links.html ?? undefined },
    },
    commit: {
      sha: branch.headOid,
      node_id: `C_${Buffer.from(branch.headOid).toString("base64url").slice(0, 20)}`,
      url: `${api}/git/commits/${branch.headOid}`,
      html_url: `${ctx.urls.web}/${full}/commit/${branch.headOid}`,
      author: { name: who, email: `${who}@users.noreply.github.com`, date: now },
      committer: { name: who, email: `${who}@users.noreply.github.com`, date: now },
      tree: { sha: sha(`tree:${branch.headOid}`), url: `${api}/git/trees/${sha(`tree:${branch.headOid}`)}` },
      message: input.message,
      parents: [
        { sha: parent, url: `${api}/git/commits/${parent}`, html_url: `${ctx.urls.web}/${full}/commit/${parent}` },
      ],
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    },
  };
  return { status: existing === undefined ? 201 : 200, body };
}

function committer(principal: Principal): string {
  return principal.kind === "user" ? principal.login : "stagedoor[bot]";
}

function createPull(ctx: RestContext, [owner, name]: string[]): FakeResponse {
  const repo = writable(ctx, owner ?? "", name ?? "", "pull_requests");
  if ("status" in repo) return repo;
  const docs = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";
  const input = (ctx.body ?? {}) as {
    title?: unknown;
    head?: unknown;
    base?: unknown;
    body?: unknown;
    draft?: unknown;
  };
  if (typeof input.title !== "string" || typeof input.head !== "string" || typeof input.base !== "string") {
    return unprocessable("Validation Failed", docs, [
      { resource: "PullRequest", code: "missing_field", field: "title" },
    ]);
  }
  const headName = input.head.includes(":") ? (input.head.split(":")[1] as string) : input.head;
  const head = repo.branches.get(headName);
  const base = branchOf(repo, input.base);
  if (!head)
    return unprocessable("Validation Failed", docs, [{ resource: "PullRequest", field: "head", code: "invalid" }]);
  if (!base)
    return unprocessable("Validation Failed", docs, [{ resource: "PullRequest", field: "base", code: "invalid" }]);
  if (head.headOid === base.headOid) {
    return unprocessable("Validation Failed", docs, [
      { resource: "PullRequest", code: "custom", message: `No commits between ${input.base} and ${headName}` },
    ]);
  }
  if (repo.pulls.some((p) => p.head === headName && p.base === input.base)) {
    return unprocessable("Validation Failed", docs, [
      {
        resource: "PullRequest",
        code: "custom",
        message: `A pull request already exists for ${repo.owner}:${headName}.`,
      },
    ]);
  }
  const pull: FakePullRequest = {
    id: ctx.state.id(),
    number: repo.pulls.length + 1,
    title: input.title,
    body: typeof input.body === "string" ? input.body : null,
    head: headName,
    base: input.base,
    headSha: head.headOid,
    baseSha: base.headOid,
    user: committer(ctx.principal),
    createdAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    draft: input.draft === true,
  };
  repo.pulls.push(pull);
  return {
    status: 201,
    body: pullShape(ctx, repo, pull),
    headers: { location: `${ctx.urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}` },
  };
}

function pullShape(ctx: RestContext, repo: FakeRepository, pull: FakePullRequest): PullRequest {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${ctx.urls.api}/repos/${full}`;
  const html = `${ctx.urls.web}/${full}/pull/${pull.number}`;
  const user = { ...account(ctx.urls, pull.user, pull.id), user_view_type: "public" };
  const orgAccount = account(ctx.urls, repo.owner, ctx.orgId, "Organization");
  const repoShape = repoShapes.installationRepository(ctx.urls, repo, ctx.orgId);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    repo: repoShape,
    sha,
    user: orgAccount,
  });
  const link = (href: string) => ({ href });
  return {
    url: `${api}/pulls/${pull.number}`,
    id: pull.id,
    node_id: `PR_${Buffer.from(`pr:${pull.id}`).toString("base64url")}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${api}/pulls/${pull.number}/commits`,
    review_comments_url: `${api}/pulls/${pull.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: "open",
    locked: false,
    title: pull.title,
    user,
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, pull.headSha),
    base: side(pull.base, pull.baseSha),
    _links: {
      comments: link(`${api}/issues/${pull.number}/comments`),
      commits: link(`${api}/pulls/${pull.number}/commits`),
      statuses: link(`${api}/statuses/${pull.headSha}`),
      html: link(html),
      issue: link(`${api}/issues/${pull.number}`),
      review_comments: link(`${api}/pulls/${pull.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      self: link(`${api}/pulls/${pull.number}`),
    },
    author_association: ctx.principal.kind === "user" ? "MEMBER" : "NONE",
    auto_merge: null,
    draft: pull.draft,
    merged: false,
    mergeable: null,
    rebaseable: null,
    mergeable_state: "unknown",
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 0,
    deletions: 0,
    changed_files: 1,
  };
}
