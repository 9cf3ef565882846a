import { hasPermission } from "./fake-auth";
import type { GraphqlContext, GraphqlError } from "./fake-graphql-common";
import type { FakeRepository } from "./fake-state";

type FakeRun = FakeRepository["workflowRuns"][number];

/** Whether a discovery query asks for CI status (the StagedoorCiStatus fragment on the head commit). */
export function asksForCiStatus(query: string): boolean {
  return /\.\.\.\s*StagedoorCiStatus\b/.test(query);
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

/**
 * `defaultBranchRef.target` as GitHub answers the StagedoorCiStatus fragment: the head
 * commit, its check rollup (null without any check) and one check suite per workflow run
 * on that commit, oldest first (the connection's order), the last `suites` of them. Without
 * the checks permission both come back null with a FORBIDDEN error each, as GitHub does.
 */
export function ciCommit(
  ctx: GraphqlContext,
  repo: FakeRepository,
  query: string,
  path: Array<string | number>,
  errors: GraphqlError[],
) {
  if (!hasPermission(ctx.principal, "checks")) {
    for (const field of ["statusCheckRollup", "checkSuites"])
      errors.push({
        type: "FORBIDDEN",
        path: [...path, "defaultBranchRef", "target", field],
        message: "Resource not accessible by integration",
      });
    return { oid: repo.headOid, statusCheckRollup: null, checkSuites: null };
  }
  const last = Number(/checkSuites\(\s*last:\s*(\d+)/.exec(query)?.[1] ?? 10);
  // workflowRuns is newest first; suites are listed oldest first.
  const onHead = repo.workflowRuns.filter((r) => r.headSha === repo.headOid).reverse();
  const suites = onHead.slice(Math.max(0, onHead.length - last));
  return {
    oid: repo.headOid,
    statusCheckRollup: onHead.length ? { state: rollupState(onHead) } : null,
    checkSuites: { nodes: suites.map((run) => checkSuite(ctx, repo, run)) },
  };
}

function rollupState(runs: FakeRun[]): string {
  if (runs.some((r) => r.status !== "completed")) return "PENDING";
  const failed = ["failure", "timed_out", "cancelled", "startup_failure", "action_required"];
  return runs.some((r) => failed.includes(r.conclusion ?? "")) ? "FAILURE" : "SUCCESS";
}

function checkSuite(ctx: GraphqlContext, repo: FakeRepository, run: FakeRun) {
  const started = Date.parse(run.startedAt);
  return {
    status: run.status.toUpperCase(),
    conclusion: run.status === "completed" && run.conclusion ? run.conclusion.toUpperCase() : null,
    branch: { name: run.branch },
    creator: { login: run.actor },
    workflowRun: {
      databaseId: run.id,
      runNumber: run.runNumber,
      event: run.event,
      url: `${ctx.urls.web}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
      createdAt: iso(started),
      updatedAt: iso(started + run.durationSeconds * 1000),
      workflow: { name: run.workflowName },
    },
  };
}
