import type { WorkflowRun, WorkflowRunStatus } from "./workflow-runs";

/** Check suites read per repository: one per workflow run of the head commit (re-runs reuse theirs). */
export const CI_SUITES_PER_REPOSITORY = 10;

/**
 * The default branch's head commit with its combined check state and the workflow runs of
 * its check suites, asked for inside the discovery query (`defaultBranchRef { target { ...
 * on Commit { ...StagedoorCiStatus } } }`): the CI status of 100 repositories costs no
 * request of its own. Suites of other apps than Actions have no workflowRun and are skipped.
 */
export const CI_STATUS_FRAGMENT = `fragment StagedoorCiStatus on Commit {
  oid
  statusCheckRollup { state }
  checkSuites(last: ${CI_SUITES_PER_REPOSITORY}) {
    nodes {
      status conclusion
      branch { name }
      creator { login }
      workflowRun { databaseId runNumber event url createdAt updatedAt workflow { name } }
    }
  }
}`;

export type RawCheckSuite = {
  status: string;
  conclusion: string | null;
  branch: { name: string } | null;
  creator: { login: string } | null;
  workflowRun: {
    databaseId: number | null;
    runNumber: number;
    event: string;
    url: string;
    createdAt: string;
    updatedAt: string;
    workflow: { name: string };
  } | null;
};

export type RawCiCommit = {
  oid: string;
  statusCheckRollup: { state: string } | null;
  checkSuites: { nodes: Array<RawCheckSuite | null> | null } | null;
};

/** GitHub's combined state of every check and status on a commit. */
export type CiRollupState = "success" | "failure" | "error" | "pending" | "expected";

export type CiStatus = {
  /** False when the connection may not read checks (then the REST run list is the fallback). */
  readable: boolean;
  /** The default branch's head commit; null for an empty repository or when unreadable. */
  commit: string | null;
  state: CiRollupState | null;
  /** The head commit's workflow runs, in the shape REST run lists and webhooks give. */
  runs: WorkflowRun[];
};

const STATUSES = new Set<WorkflowRunStatus>(["queued", "in_progress", "completed", "waiting", "requested", "pending"]);

export function toCiStatus(raw: unknown, repository: string, defaultBranch: string | null): CiStatus {
  const commit = raw as RawCiCommit | null | undefined;
  if (!commit || typeof commit.oid !== "string") return { readable: true, commit: null, state: null, runs: [] };
  const runs: WorkflowRun[] = [];
  for (const suite of commit.checkSuites?.nodes ?? []) {
    const run = suite?.workflowRun;
    if (!suite || !run || run.databaseId === null) continue;
    const lower = suite.status.toLowerCase() as WorkflowRunStatus;
    const status = STATUSES.has(lower) ? lower : "unknown";
    const elapsed = (Date.parse(run.updatedAt) - Date.parse(run.createdAt)) / 1000;
    runs.push({
      id: run.databaseId,
      repository,
      workflowName: run.workflow.name,
      status,
      conclusion: status === "completed" ? (suite.conclusion?.toLowerCase() ?? null) : null,
      branch: suite.branch?.name ?? defaultBranch,
      commitSha: commit.oid,
      actor: suite.creator?.login ?? null,
      startedAt: run.createdAt,
      durationSeconds: status === "completed" && Number.isFinite(elapsed) ? Math.max(0, Math.round(elapsed)) : null,
      url: run.url,
      event: run.event,
      runNumber: run.runNumber,
      runAttempt: 1,
      updatedAt: run.updatedAt,
    });
  }
  const state = commit.statusCheckRollup?.state.toLowerCase() as CiRollupState | undefined;
  return { readable: true, commit: commit.oid, state: state ?? null, runs };
}

export const UNREADABLE_CI: CiStatus = { readable: false, commit: null, state: null, runs: [] };
