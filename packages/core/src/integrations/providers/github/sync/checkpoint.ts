/**
 * Where a sync run is, saved in SyncRun.checkpoint after every step in the same UPDATE as
 * the step's counts: a worker that dies mid-step redoes at most that step (ingestion is
 * idempotent), and one that dies between steps resumes exactly where the last one ended.
 */
export type SyncPhase = "teams" | "repositories" | "cleanup" | "workflow-runs" | "done";

export type Checkpoint = {
  phase: SyncPhase;
  /** Steps committed so far; a step job names the step it is for, so stale duplicates are recognised. */
  step: number;
  /** Discovery cursor after the last page that was fully ingested. */
  cursor: string | null;
  /** GitHub database ids of every repository discovery listed in this run (for deletions). */
  seen: number[];
  /** False when discovery could not list everything (then nothing is orphaned as deleted). */
  complete: boolean;
  totalRepositories: number | null;
  /** Repository (lowercase owner/name) → the team with the strongest access, for inferred owners. */
  topTeams: Record<string, string>;
  /** Repositories (lowercase owner/name) whose run lists the workflow-runs phase reads: CI status moved or unreadable. */
  runsPending: string[];
  /** Run lists read so far in this run (bounded by runListBudget). */
  runsRepositories: number;
  /** Left from checkpoints of older versions, which walked every project slug; unused. */
  runsAfter: string | null;
};

export const PHASES: readonly SyncPhase[] = ["teams", "repositories", "cleanup", "workflow-runs", "done"];

export function initialCheckpoint(): Checkpoint {
  return {
    phase: "teams",
    step: 0,
    cursor: null,
    seen: [],
    complete: true,
    totalRepositories: null,
    topTeams: {},
    runsPending: [],
    runsRepositories: 0,
    runsAfter: null,
  };
}

export function readCheckpoint(raw: unknown): Checkpoint {
  const base = initialCheckpoint();
  if (!raw || typeof raw !== "object") return base;
  const c = raw as Partial<Checkpoint>;
  return {
    phase: PHASES.includes(c.phase as SyncPhase) ? (c.phase as SyncPhase) : base.phase,
    step: Number.isInteger(c.step) ? (c.step as number) : 0,
    cursor: typeof c.cursor === "string" ? c.cursor : null,
    seen: Array.isArray(c.seen) ? c.seen.filter((n): n is number => typeof n === "number") : [],
    complete: c.complete !== false,
    totalRepositories: typeof c.totalRepositories === "number" ? c.totalRepositories : null,
    topTeams: c.topTeams && typeof c.topTeams === "object" ? c.topTeams : {},
    runsPending: Array.isArray(c.runsPending) ? c.runsPending.filter((s): s is string => typeof s === "string") : [],
    runsAfter: typeof c.runsAfter === "string" ? c.runsAfter : null,
    runsRepositories: typeof c.runsRepositories === "number" ? c.runsRepositories : 0,
  };
}
