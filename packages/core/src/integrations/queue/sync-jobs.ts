import { z } from "zod";
import type { SyncStepJob } from "../sync/step";

/**
 * The integrations queue, provider-neutral: the names, payloads and ids its producers (web:
 * "Sync now", webhooks; worker: next steps) and its job definitions share. Payloads carry
 * ids only; handlers re-read the org's integration and sync run from the database.
 */
export const INTEGRATIONS_QUEUE = "integrations";

const id = z.string().min(1).max(100);

/** A scheduler tick: start a sync of one integration (any provider) unless one is going. */
export const SCHEDULED_SYNC_JOB = "integrations.sync";
export const scheduledSyncPayload = z.object({ orgId: id, integrationId: id });

/** Make Redis agree with the database: schedulers and in-flight runs. */
export const RECONCILE_JOB = "integrations.reconcile";
export const reconcilePayload = z.object({});

/** One bounded step of a sync run; each provider has its own step job, `<kind>.syncStep`. */
export const stepJobName = (kind: string) => `${kind}.syncStep`;
export const syncStepPayload = z.object({ orgId: id, integrationId: id, syncRunId: id, step: z.number().int().min(0) });

// BullMQ refuses ":" in custom job ids (it is its own key separator), hence dots.
export const jobIds = {
  scheduler: (integrationId: string) => `integration-sync.${integrationId}`,
  /** The run and the step: enqueueing a step twice (a double click, a reconciliation) adds nothing. */
  step: (syncRunId: string, step: number) => `sync-step.${syncRunId}.${step}`,
} as const;

export const SCHEDULER_PREFIX = "integration-sync.";
/** Scheduler ids earlier versions wrote (GitHub only); reconciliation removes them. */
export const LEGACY_SCHEDULER_PREFIXES = ["github-sync."] as const;

export type EnqueueOptions = {
  /** Deterministic: a second enqueue with the same id adds nothing while the first is kept. */
  jobId: string;
  delayMs?: number;
};

/**
 * What the domain needs from the queue; apps/worker and apps/web pass the BullMQ one. A
 * provider's own jobs (a webhook's targeted sync) go through `enqueue` by their registered
 * name, so nothing here knows any provider.
 */
export type SyncQueue = {
  enqueueStep(kind: string, job: SyncStepJob, options?: { delayMs?: number }): Promise<void>;
  enqueue(name: string, data: Record<string, unknown>, options: EnqueueOptions): Promise<void>;
  upsertSchedule(schedule: { orgId: string; integrationId: string; intervalMinutes: number }): Promise<void>;
  removeSchedule(integrationId: string): Promise<void>;
};

/** The scheduler listing reconciliation needs besides the domain queue (the BullMQ queue has it). */
export type SchedulerList = {
  schedulerKeys(): Promise<string[]>;
  removeSchedulerKey(key: string): Promise<void>;
};
