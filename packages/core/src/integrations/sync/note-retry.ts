import type { TenantDb } from "@stagedoor/db";
import { ACTIVE_STATUSES } from "./sync-runs";

/**
 * A step failed and the queue will try it again: the run says so (which attempt, why,
 * when the next one starts), so a retrying sync does not look like one that hangs.
 */
export async function noteSyncRetry(
  db: TenantDb,
  runId: string,
  retry: { attempt: number; attempts: number; error: string; nextAt: Date | null },
): Promise<void> {
  const when = retry.nextAt ? ` at ${retry.nextAt.toISOString().slice(11, 19)} UTC` : "";
  await db.syncRun.updateMany({
    where: { id: runId, status: { in: [...ACTIVE_STATUSES] } },
    data: {
      message: `Attempt ${retry.attempt} of ${retry.attempts} failed (${retry.error}); retrying${when}.`,
    },
  });
}
