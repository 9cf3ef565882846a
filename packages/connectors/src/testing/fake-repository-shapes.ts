import type { ContentFile, FullRepository, InstallationRepositories, Urls, WorkflowRun } from "./fake-shapes";
import { account } from "./fake-shapes";
import { fileBytes, type FakeRepository } from "./fake-state";

export function repository(urls: Urls, repo: FakeRepository, ownerId: number): FullRepository {
  return repositoryFields(urls, repo, ownerId);
}

/** The shape /installation/repositories lists (GitHub's "repository" schema). */
export function installationRepository(
  urls: Urls,
  repo: FakeRepository,
  ownerId: number,
): InstallationRepositories["repositories"][number] {
  return { ...repositoryFields(urls, repo, ownerId), temp_clone_token: "", license: null };
}

function repositoryFields(urls: Urls, repo: FakeRepository, ownerId: number) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}`;
  const owner = account(urls, repo.owner, ownerId, "Organization");
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: full,
    private: repo.private,
    owner,
    html_url: `${urls.web}/${full}`,
    description: repo.description,
    fork: repo.fork,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://${new URL(urls.web).host}/${full}.git`,
    ssh_url: `git@${new URL(urls.web).hostname}:${full}.git`,
    clone_url: `${urls.web}/${full}.git`,
    svn_url: `${urls.web}/${full}`,
    mirror_url: null,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    archived: repo.archived,
    disabled: false,
    open_issues_count: 0,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: repo.topics,
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: 0,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    temp_clone_token: "",
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    network_count: 0,
    subscribers_count: 0,
    organization: owner,
  };
}

export function contentFile(
  urls: Urls,
  repo: FakeRepository,
  path: string,
  ref: string,
  file: string | Uint8Array,
  blobSha: string,
): ContentFile {
  const full = `${repo.owner}/${repo.name}`;
  const self = `${urls.api}/repos/${full}/contents/${path}?ref=${ref}`;
  const git = `${urls.api}/repos/${full}/git/blobs/${blobSha}`;
  const html = `${urls.web}/${full}/blob/${ref}/${path}`;
  const bytes = fileBytes(file);
  // Like GitHub: files over 1 MB come without content (encoding "none").
  const inline = bytes.byteLength <= 1024 * 1024;
  return {
    type: "file",
    encoding: inline ? "base64" : "none",
    size: bytes.byteLength,
    name: path.split("/").pop() ?? path,
    path,
    content: inline
      ? (
          Buffer.from(bytes)
            .toString("base64")
            .match(/.{1,60}/g) ?? [""]
        ).join("\n")
      : "",
    sha: blobSha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `${urls.web}/${full}/raw/${ref}/${path}`,
    _links: { self, git, html },
  };
}

export function workflowRun(
  urls: Urls,
  repo: FakeRepository,
  run: FakeRepository["workflowRuns"][number],
  ownerId: number,
): WorkflowRun {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${urls.api}/repos/${full}/actions/runs/${run.id}`;
  const started = Date.parse(run.startedAt);
  const minimal = { ...repository(urls, repo, ownerId), temp_clone_token: "", license: null };
  const actor = account(urls, run.actor, 5000 + run.actor.length);
  return {
    id: run.id,
    name: run.workflowName,
    node_id: `WFR_kwLO${run.id}`,
    check_suite_id: run.id + 1,
    check_suite_node_id: `CS_kwDO${run.id}`,
    head_branch: run.branch,
    head_sha: run.headSha,
    path: run.workflowPath,
    display_title: `Run ${run.runNumber} of ${run.workflowName}`,
    run_number: run.runNumber,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion ?? null,
    workflow_id: 7000 + run.workflowName.length,
    url: api,
    html_url: `${urls.web}/${full}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: new Date(started).toISOString().replace(/\.\d+Z$/, "Z"),
    updated_at: new Date(started + run.durationSeconds * 1000).toISOString().replace(/\.\d+Z$/, "Z"),
    run_started_at: new Date(started).toISOString().replace(/\.\d+Z$/, "Z"),
    actor,
    triggering_actor: actor,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${full}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${urls.api}/repos/${full}/actions/workflows/${7000 + run.workflowName.length}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha.split("").reverse().join(""),
      message: "Update catalog-info.yaml",
      timestamp: run.startedAt,
      author: { name: run.actor, email: `${run.actor}@users.noreply.github.com` },
      committer: { name: "GitHub", email: "noreply@github.com" },
    },
    repository: minimal,
    head_repository: minimal,
  };
}
