import type { IntegrationDeps } from "../integrations/deps";
import type { StripeBilling } from "../billing/deps";
import type { SchedulerList, SyncQueue } from "../integrations/queue/sync-jobs";

/**
 * What the worker process lends every job, built once at start: settings from its env and,
 * in a process that runs integration jobs, the integration services.
 */
export type JobServices = {
  settings: { orphanGraceHours: number };
  integrations?: IntegrationJobServices;
  /** Stripe and price ids, in a worker started with billing configured (as the web app's). */
  billing?: StripeBilling;
};

export type IntegrationJobServices = {
  /** Secrets, outbound policy and the queue, as every integration service takes them. */
  deps: IntegrationDeps;
  /** The same queue, with the scheduler listing that reconciliation needs. */
  queue: SyncQueue & SchedulerList;
  /** A provider's process-wide sync runtime (client and ETag caches), created once. */
  runtimeFor(kind: string): unknown;
};

export function integrationServices(services: JobServices): IntegrationJobServices {
  if (!services.integrations) throw new Error("This worker was started without integration services.");
  return services.integrations;
}
