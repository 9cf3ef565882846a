import type { JobRun } from "../../jobs/define-job";

/** A sync run id derived from the job id: a retried job finds the run its first attempt made. */
export const runIdForJob = (prefix: string, job: Pick<JobRun, "id">) =>
  `${prefix}-${String(job.id).replace(/[^A-Za-z0-9_.-]/g, "-")}`;

// A second after the advertised reset, so the first request of the resumed step is not early.
export const RESUME_MARGIN_MS = 1_000;

/** The message a run keeps when its job's retries are spent. */
export const failedAfterAttempts = (job: Pick<JobRun, "attempts">, error: unknown) =>
  `The sync failed after ${job.attempts} attempts: ${(error as Error).message}`;
