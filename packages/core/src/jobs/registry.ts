import { integrationJobs } from "../integrations/jobs";
import type { AnyJobDefinition, JobQueue } from "./define-job";
import { maintenanceJobs } from "./maintenance-jobs";
import { scimJobs } from "../scim/catalog-refresh";
import { insightsJobs } from "../insights/jobs";
import { billingJobs } from "../billing/seat-sync";

/** Every job the worker runs, defined once each; the worker registers this list whole. */
export function jobRegistry(): AnyJobDefinition[] {
  const all = [...maintenanceJobs, ...integrationJobs(), ...scimJobs, ...insightsJobs, ...billingJobs];
  const names = new Set<string>();
  for (const job of all) {
    if (names.has(job.name)) throw new Error(`Two jobs are named "${job.name}".`);
    names.add(job.name);
  }
  return all;
}

export const jobsOfQueue = (queue: JobQueue): AnyJobDefinition[] => jobRegistry().filter((job) => job.queue === queue);
