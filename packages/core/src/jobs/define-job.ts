import type { z } from "zod";
import type { Database } from "@stagedoor/db";
import { INTEGRATIONS_QUEUE } from "../integrations/queue/sync-jobs";
import { INSIGHTS_QUEUE } from "../insights/queue";
import type { JobServices } from "./services";

/**
 * Every background job, whatever its domain, is defined once with `defineJob` and the worker
 * registers the whole registry (registry.ts): no switch over names, no scheduler written
 * twice. A definition is plain data plus a handler, so it does not know BullMQ; the worker
 * turns `DeferJob` into BullMQ's delayed set and `fairness: "org"` into the per-org lease.
 */
export const MAINTENANCE_QUEUE = "maintenance";
export type JobQueue = typeof MAINTENANCE_QUEUE | typeof INTEGRATIONS_QUEUE | typeof INSIGHTS_QUEUE;
export { INTEGRATIONS_QUEUE, INSIGHTS_QUEUE };

/** The attempt being run: handlers derive deterministic ids (e.g. a run id) from it. */
export type JobRun = { id: string; attemptsMade: number; attempts: number };

export type JobContext = {
  /** The admin-capable database: handlers re-read their org (`db.forOrg(payload.orgId)`) from it. */
  db: Database;
  services: JobServices;
  job: JobRun;
};

export type JobOptions = {
  attempts?: number;
  backoff?: { type: "exponential" | "fixed"; delay: number };
};

export type JobSchedule<P> = {
  /** Milliseconds between runs; settings come from the worker's env (e.g. a grace period). */
  every: number;
  payload: (settings: JobServices["settings"]) => P;
};

export type JobDefinition<P = unknown> = {
  /** `domain.action`; also the id of its scheduler, so a restart upserts rather than adds. */
  name: string;
  queue: JobQueue;
  payload: z.ZodType<P>;
  handle(payload: P, ctx: JobContext): Promise<unknown>;
  schedule?: JobSchedule<P>;
  options?: JobOptions;
  /**
   * "org": the job takes one of its org's slots (payload.orgId) for as long as it runs, so
   * one org's burst cannot occupy every worker. Every integration sync job sets it.
   */
  fairness?: "org";
  /** Called once when the last attempt failed (e.g. to mark a sync run failed, not running forever). */
  onFinalFailure?(payload: P, ctx: JobContext, error: unknown): Promise<void>;
  /** Called when an attempt failed and another will follow at `nextAt` (null when unknown). */
  onRetry?(payload: P, ctx: JobContext, error: unknown, nextAt: Date | null): Promise<void>;
};

// An untyped view, for lists of definitions with different payloads.
export type AnyJobDefinition = JobDefinition<never> & {
  payload: z.ZodType<unknown>;
  handle(payload: unknown, ctx: JobContext): Promise<unknown>;
  schedule?: JobSchedule<unknown>;
  onFinalFailure?(payload: unknown, ctx: JobContext, error: unknown): Promise<void>;
  onRetry?(payload: unknown, ctx: JobContext, error: unknown, nextAt: Date | null): Promise<void>;
};

export function defineJob<P>(definition: JobDefinition<P>): AnyJobDefinition {
  if (!/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/.test(definition.name)) {
    throw new Error(`Job names are domain.action, not "${definition.name}".`);
  }
  if (definition.fairness === "org" && definition.queue !== INTEGRATIONS_QUEUE) {
    throw new Error(`${definition.name}: the per-org lease is for integration jobs.`);
  }
  return definition as unknown as AnyJobDefinition;
}

/**
 * Thrown by a handler that must wait (a rate limit, a busy org): the worker puts the same
 * job back until `until` without counting a failed attempt.
 */
export class DeferJob extends Error {
  constructor(readonly until: number) {
    super(`deferred until ${new Date(until).toISOString()}`);
    this.name = "DeferJob";
  }
}
