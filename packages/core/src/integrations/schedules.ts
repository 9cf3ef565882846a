import type { IntegrationDeps } from "./deps";

/**
 * Schedulers live in Redis, the integrations in PostgreSQL, and the database wins: the
 * worker rebuilds every scheduler from it at start and every few minutes. So a failure to
 * reach Redis while saving is logged, not fatal; the next reconciliation repairs it.
 */
export async function upsertScheduleQuietly(
  deps: IntegrationDeps,
  schedule: { orgId: string; integrationId: string; intervalMinutes: number },
): Promise<void> {
  try {
    await deps.queue.upsertSchedule(schedule);
  } catch (error) {
    console.warn(`[integrations] scheduler for ${schedule.integrationId} not updated now: ${(error as Error).message}`);
  }
}

export async function removeScheduleQuietly(deps: IntegrationDeps, integrationId: string): Promise<void> {
  try {
    await deps.queue.removeSchedule(integrationId);
  } catch (error) {
    console.warn(`[integrations] scheduler for ${integrationId} not removed now: ${(error as Error).message}`);
  }
}
