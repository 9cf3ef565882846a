/**
 * A sync is a chain of bounded steps, whatever the provider: each step job names its run
 * and the step it is for, the provider does that much work and saves a checkpoint, and the
 * outcome says what the job runner does next. The provider owns what the checkpoint holds;
 * only its `step` counter (and, for progress display, `phase`) is read here.
 */
export type SyncStepJob = { orgId: string; integrationId: string; syncRunId: string; step: number };

export type StepOutcome =
  /** Enqueue the next step (at the tail of the queue). */
  | { kind: "continue"; step: number }
  | { kind: "done" }
  /** The source's rate limit: run this same step again at `until`. */
  | { kind: "paused"; until: Date }
  /** This job is for a step that already committed; the run is at `step`. */
  | { kind: "stale"; step: number }
  /** The run or its integration is gone or finished: nothing to do. */
  | { kind: "gone" }
  | { kind: "failed"; message: string };

/** A provider's checkpoint as stored in SyncRun.checkpoint: its own fields plus the step counter. */
export type RunCheckpoint = { step: number; phase: string } & Record<string, unknown>;

/** The step a stored checkpoint is at (0 for anything unreadable, like a new run). */
export function stepOf(raw: unknown): number {
  const step = (raw as { step?: unknown } | null)?.step;
  return typeof step === "number" && Number.isInteger(step) ? step : 0;
}

/** The phase a stored checkpoint names, for progress display. */
export function phaseOf(raw: unknown, fallback: string): string {
  const phase = (raw as { phase?: unknown } | null)?.phase;
  return typeof phase === "string" ? phase : fallback;
}
