import type { PrismaTypes, SyncTrigger, TenantDb } from "@stagedoor/db";
import { AppError } from "../../errors";
import { applyOnboardingStep } from "../../onboarding/onboarding";
import type { SyncRunError } from "../views";
import type { OnboardingStep } from "../../onboarding/steps";
import { stepOf, type RunCheckpoint } from "./step";
import type { StepCounts } from "./step-counts";

type Tx = PrismaTypes.TransactionClient;
export type SyncRunRow = PrismaTypes.SyncRunGetPayload<object>;

export const ACTIVE_STATUSES = ["queued", "running", "paused"] as const;
/** A run keeps this many errors; the rest are counted in its message. */
export const MAX_RUN_ERRORS = 500;

/**
 * The integration's active run, or a new one. The integration row is locked first, so two
 * "Sync now" clicks (or a click and a scheduler tick) that arrive together agree on one run.
 */
export async function createOrReuseRun(
  db: TenantDb,
  integrationId: string,
  trigger: SyncTrigger,
  initialCheckpoint: RunCheckpoint,
  id?: string,
): Promise<{ run: SyncRunRow; created: boolean }> {
  return db.transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Integration" WHERE id = ${integrationId} AND "orgId" = ${db.orgId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Integration not found.");
    const active = await tx.syncRun.findFirst({
      where: { integrationId, status: { in: [...ACTIVE_STATUSES] } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    });
    if (active) return { run: active, created: false };
    if (id) {
      const same = await tx.syncRun.findUnique({ where: { id } });
      if (same) return { run: same, created: false };
    }
    const run = await tx.syncRun.create({
      data: {
        ...(id ? { id } : {}),
        orgId: db.orgId,
        integrationId,
        trigger,
        status: "queued",
        checkpoint: initialCheckpoint as PrismaTypes.InputJsonObject,
      },
    });
    return { run, created: true };
  });
}

type LockedRun = { status: string; checkpoint: unknown; errors: unknown; integrationId: string };

async function lockRun(tx: Tx, orgId: string, runId: string): Promise<LockedRun | null> {
  const [row] = await tx.$queryRaw<LockedRun[]>`
    SELECT status, checkpoint, errors, "integrationId" FROM "SyncRun"
    WHERE id = ${runId} AND "orgId" = ${orgId} FOR UPDATE`;
  return row ?? null;
}

const isActive = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);

export type StepCommit = {
  counts: StepCounts;
  errors: SyncRunError[];
  requests: number;
  rateLimitRemaining: number | null;
  checkpoint: RunCheckpoint;
  /** Set on the last step: the run succeeded (and, if named, that onboarding step is done). */
  finished?: { message: string; onboardingStep?: OnboardingStep };
};

/**
 * Saves one step: its counts, errors, requests and the new checkpoint, in one statement
 * under the run's row lock, and only if the run is still at `expectedStep`. A duplicate of
 * a step that already committed (a retried job after a crash) therefore changes nothing.
 */
export async function commitStep(
  db: TenantDb,
  runId: string,
  expectedStep: number,
  commit: StepCommit,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const row = await lockRun(tx, db.orgId, runId);
    if (!row || !isActive(row.status) || stepOf(row.checkpoint) !== expectedStep) return false;
    const previous = Array.isArray(row.errors) ? (row.errors as SyncRunError[]) : [];
    const errors = [...previous, ...commit.errors].slice(0, MAX_RUN_ERRORS);
    const { counts } = commit;
    await tx.syncRun.update({
      where: { id: runId },
      data: {
        reposScanned: { increment: counts.reposScanned },
        filesFound: { increment: counts.filesFound },
        entitiesCreated: { increment: counts.entitiesCreated },
        entitiesUpdated: { increment: counts.entitiesUpdated },
        entitiesUnchanged: { increment: counts.entitiesUnchanged },
        entitiesOrphaned: { increment: counts.entitiesOrphaned },
        apiRequests: { increment: commit.requests },
        ...(commit.rateLimitRemaining !== null ? { rateLimitRemaining: commit.rateLimitRemaining } : {}),
        errors: errors as unknown as PrismaTypes.InputJsonArray,
        checkpoint: { ...commit.checkpoint, step: expectedStep + 1 },
        status: commit.finished ? "succeeded" : "running",
        pausedUntil: null,
        ...(commit.finished ? { finishedAt: new Date(), message: commit.finished.message } : {}),
      },
    });
    if (commit.finished) {
      await tx.integration.update({
        where: { id: row.integrationId },
        data: { lastSyncAt: new Date(), status: "connected", statusMessage: null },
      });
      // A provider's onboarding step is done when its data has actually arrived.
      if (commit.finished.onboardingStep)
        await applyOnboardingStep(tx, db.orgId, commit.finished.onboardingStep, "done");
    }
    return true;
  });
}

export async function markRunning(db: TenantDb, runId: string): Promise<void> {
  await db.syncRun.updateMany({
    where: { id: runId, status: { in: ["queued", "paused"] } },
    data: { status: "running", pausedUntil: null },
  });
}

/** The source's rate limit is spent: the run waits, visibly, until `until`; requests so far still count. */
export async function pauseRun(
  db: TenantDb,
  runId: string,
  until: Date,
  usage: { requests: number; rateLimitRemaining: number | null },
  /** Whose limit, for the run's message (the provider's label). */
  source: string,
): Promise<void> {
  await db.syncRun.updateMany({
    where: { id: runId, status: { in: [...ACTIVE_STATUSES] } },
    data: {
      status: "paused",
      pausedUntil: until,
      apiRequests: { increment: usage.requests },
      rateLimitRemaining: usage.rateLimitRemaining ?? 0,
      message: `${source}'s rate limit is used up; the sync resumes at ${until.toISOString()}.`,
    },
  });
}

/** Ends the run as failed; `integrationProblem` also flags the integration (bad credentials, gone owner). */
export async function failRun(
  db: TenantDb,
  runId: string,
  message: string,
  options: { integrationProblem?: boolean; requests?: number } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockRun(tx, db.orgId, runId);
    if (!row || !isActive(row.status)) return;
    await tx.syncRun.update({
      where: { id: runId },
      data: {
        status: "failed",
        finishedAt: new Date(),
        pausedUntil: null,
        message,
        ...(options.requests ? { apiRequests: { increment: options.requests } } : {}),
      },
    });
    if (options.integrationProblem) {
      await tx.integration.update({
        where: { id: row.integrationId },
        data: { status: "error", statusMessage: message },
      });
    }
  });
}
