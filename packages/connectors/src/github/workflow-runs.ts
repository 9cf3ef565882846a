import type { GitHubClient } from "./client";
import { asRequestError } from "./errors";
import type { EtagCache } from "./fetch-file";

export type WorkflowRunStatus =
  "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending" | "unknown";

export type WorkflowRun = {
  id: number;
  /** owner/name, to match the entity's github.com/project-slug annotation. */
  repository: string;
  workflowName: string;
  status: WorkflowRunStatus;
  /** success, failure, cancelled, skipped, timed_out, action_required, neutral, stale, startup_failure; null until completed. */
  conclusion: string | null;
  branch: string | null;
  commitSha: string;
  actor: string | null;
  startedAt: string;
  /** Wall time of a completed run; null while it is still going. */
  durationSeconds: number | null;
  url: string;
  event: string;
  runNumber: number;
  runAttempt: number;
  updatedAt: string;
};

/** The fields of GitHub's workflow-run object we read (REST and webhook payloads share it). */
export type RawWorkflowRun = {
  id: number | bigint;
  name?: string | null;
  path?: string;
  head_branch: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  run_number: number;
  run_attempt?: number;
  actor?: { login: string } | null;
  triggering_actor?: { login: string } | null;
  repository?: { full_name: string };
};

const STATUSES = new Set<WorkflowRunStatus>(["queued", "in_progress", "completed", "waiting", "requested", "pending"]);

export function normalizeWorkflowRun(raw: RawWorkflowRun, repository?: string): WorkflowRun {
  const status = STATUSES.has(raw.status as WorkflowRunStatus) ? (raw.status as WorkflowRunStatus) : "unknown";
  const startedAt = raw.run_started_at ?? raw.created_at;
  const elapsed = (Date.parse(raw.updated_at) - Date.parse(startedAt)) / 1000;
  return {
    id: Number(raw.id),
    repository: repository ?? raw.repository?.full_name ?? "",
    // Runs of deleted or renamed workflow files can come without a name; the file path still identifies them.
    workflowName: raw.name || (raw.path ? (raw.path.split("/").pop() ?? raw.path) : "workflow"),
    status,
    conclusion: status === "completed" ? raw.conclusion : null,
    branch: raw.head_branch,
    commitSha: raw.head_sha,
    actor: raw.triggering_actor?.login ?? raw.actor?.login ?? null,
    startedAt,
    durationSeconds: status === "completed" && Number.isFinite(elapsed) ? Math.max(0, Math.round(elapsed)) : null,
    url: raw.html_url,
    event: raw.event,
    runNumber: raw.run_number,
    runAttempt: raw.run_attempt ?? 1,
    updatedAt: raw.updated_at,
  };
}

export type FetchWorkflowRunsOptions = {
  owner: string;
  repo: string;
  /** Most recent N runs, at most 100 (one request). */
  perPage?: number;
  branch?: string;
  /** Makes polling conditional: unchanged run lists come back 304 and cost no rate limit. */
  etagCache?: EtagCache;
};

export type WorkflowRunsResult =
  { status: "ok"; runs: WorkflowRun[]; fromCache: boolean } | { status: "not-found" | "forbidden"; message: string };

/** Recent runs of one repository (GET /repos/{owner}/{repo}/actions/runs), newest first. */
export async function fetchWorkflowRuns(
  client: GitHubClient,
  options: FetchWorkflowRunsOptions,
): Promise<WorkflowRunsResult> {
  const { owner, repo } = options;
  const perPage = Math.min(100, Math.max(1, options.perPage ?? 20));
  const key = `runs|${client.endpoints.apiBaseUrl}|${owner}/${repo}|${options.branch ?? ""}|${perPage}`.toLowerCase();
  const cached = options.etagCache ? await options.etagCache.get(key) : undefined;
  try {
    const response = await client.octokit.request("GET /repos/{owner}/{repo}/actions/runs", {
      owner,
      repo,
      per_page: perPage,
      ...(options.branch ? { branch: options.branch } : {}),
      headers: cached ? { "if-none-match": cached.etag } : {},
    });
    const runs = response.data.workflow_runs.map((run) => normalizeWorkflowRun(run, `${owner}/${repo}`));
    if (options.etagCache && response.headers.etag)
      await options.etagCache.set(key, { etag: response.headers.etag, value: runs });
    return { status: "ok", runs, fromCache: false };
  } catch (error) {
    const e = asRequestError(error);
    if (e?.status === 304 && cached) return { status: "ok", runs: cached.value as WorkflowRun[], fromCache: true };
    if (e?.status === 404)
      return {
        status: "not-found",
        message: `Repository ${owner}/${repo} was not found or is not visible to this connection.`,
      };
    if (e?.status === 403 && e.response?.headers["x-ratelimit-remaining"] !== "0") {
      return {
        status: "forbidden",
        message: `Reading workflow runs of ${owner}/${repo} needs the actions:read permission.`,
      };
    }
    throw error;
  }
}

/** A `workflow_run` webhook delivery's run, in the same shape as fetched runs. */
export function workflowRunFromWebhook(payload: unknown): WorkflowRun | null {
  const p = payload as {
    workflow_run?: RawWorkflowRun;
    repository?: { full_name?: string };
    workflow?: { name?: string };
  };
  if (!p?.workflow_run || typeof p.workflow_run !== "object") return null;
  const run = normalizeWorkflowRun(p.workflow_run, p.repository?.full_name);
  return p.workflow_run.name ? run : { ...run, workflowName: p.workflow?.name ?? run.workflowName };
}
