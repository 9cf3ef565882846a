import type { TenantDb } from "@stagedoor/db";
import { isAppError } from "../../../errors";
import type { IntegrationDeps } from "../../deps";
import { ACTIVE_STATUSES, commitStep, failRun, markRunning } from "../../sync/sync-runs";
import { emptyCounts } from "../../sync/step-counts";
import { stepOf, type RunCheckpoint, type StepOutcome, type SyncStepJob } from "../../sync/step";
import type { SyncRunError } from "../../views";
import { fetchExport } from "./fetch-export";
import { findCostIntegration } from "./find-cost-integration";
import { importCostFiles } from "./import-costs";

export const initialCostCheckpoint = (): RunCheckpoint => ({ step: 0, phase: "import" });

const runError = (message: string, file: string | null = null, line: number | null = null): SyncRunError => ({
  repository: null,
  file,
  url: "",
  line,
  column: null,
  message: line !== null ? `${file}, row ${line}: ${message}` : message,
  detail: message,
});

/**
 * A cost sync is one step: download the export's files, aggregate them with DuckDB and
 * replace the days they cover. The step is idempotent (a redelivered job replaces the same
 * days with the same sums), so a crash mid-way simply redoes it.
 */
export async function runCostStep(db: TenantDb, deps: IntegrationDeps, job: SyncStepJob): Promise<StepOutcome> {
  const run = await db.syncRun.findUnique({ where: { id: job.syncRunId } });
  if (!run || run.integrationId !== job.integrationId) return { kind: "gone" };
  if (!(ACTIVE_STATUSES as readonly string[]).includes(run.status)) return { kind: "gone" };
  if (stepOf(run.checkpoint) !== job.step) return { kind: "stale", step: stepOf(run.checkpoint) };
  await markRunning(db, run.id);
  try {
    const integration = await findCostIntegration(db, deps, job.integrationId);
    const fetched = await fetchExport(integration.config.source, integration.credentials, {
      allowPrivateNetworks: deps.allowPrivateNetworks,
    });
    try {
      const summary = await importCostFiles(db, integration.id, fetched.files, integration.config.allocation);
      const period = summary.firstDay ? ` for ${summary.firstDay} to ${summary.lastDay}` : "";
      await commitStep(db, run.id, job.step, {
        counts: { ...emptyCounts(), filesFound: fetched.files.length },
        errors: summary.rejected.map((r) => runError(r.message, r.file, r.row)),
        requests: fetched.files.length,
        rateLimitRemaining: null,
        checkpoint: { step: job.step, phase: "done" },
        finished: {
          message: `Imported ${summary.rowsRead - summary.rowsRejected} of ${summary.rowsRead} rows${period}${summary.rowsRejected ? `; ${summary.rowsRejected} rows refused` : ""}.`,
          onboardingStep: "cloud",
        },
      });
      return { kind: "done" };
    } finally {
      await fetched.cleanup();
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    await failRun(db, run.id, error.message, { integrationProblem: true });
    return { kind: "failed", message: error.message };
  }
}
