import { z } from "zod";
import { defineJob, INTEGRATIONS_QUEUE } from "../jobs/define-job";
import { SCIM_CATALOG_REFRESH_DELAY_MS } from "../limits";
import type { SyncQueue } from "../integrations/queue/sync-jobs";
import { syncScimCatalog } from "./catalog-sync";

/**
 * SCIM writes do not rebuild the catalog's SCIM source themselves: at a few thousand users
 * that re-import takes seconds, and an IdP sends writes by the hundred. A write asks for a
 * refresh instead; every request of one org within SCIM_CATALOG_REFRESH_DELAY_MS lands in
 * the same job (one deterministic id per org and window), which runs when the window ends
 * and reads whatever is provisioned by then. Users and groups reach the catalog a few
 * seconds after the IdP's request; memberships, sessions and tokens change at once.
 */
export const REFRESH_SCIM_CATALOG_JOB = "scim.refreshCatalog";

export const refreshScimCatalogPayload = z.object({ orgId: z.string().min(1).max(100) });

// BullMQ refuses ":" in custom job ids (its own key separator), hence dots.
export const scimCatalogJobId = (orgId: string, windowStart: number) => `scim-catalog.${orgId}.${windowStart}`;

/** The queue a SCIM request asks through (the integrations queue's producer). */
export type ScimCatalogQueue = Pick<SyncQueue, "enqueue">;

/** Coalesced: every call of one org within the window is the same job, run when the window ends. */
export function requestScimCatalogRefresh(
  queue: ScimCatalogQueue,
  orgId: string,
  now = Date.now(),
  windowMs = SCIM_CATALOG_REFRESH_DELAY_MS,
): Promise<void> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  return queue.enqueue(
    REFRESH_SCIM_CATALOG_JOB,
    { orgId },
    { jobId: scimCatalogJobId(orgId, windowStart), delayMs: windowStart + windowMs - now },
  );
}

export const refreshScimCatalogJob = defineJob({
  name: REFRESH_SCIM_CATALOG_JOB,
  queue: INTEGRATIONS_QUEUE,
  payload: refreshScimCatalogPayload,
  // A big org's refresh takes seconds: it takes one of the org's slots like a sync step.
  fairness: "org",
  options: { attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  async handle({ orgId }, { db }) {
    await syncScimCatalog(db.forOrg(orgId));
    return { orgId };
  },
});

export const scimJobs = [refreshScimCatalogJob] as const;
