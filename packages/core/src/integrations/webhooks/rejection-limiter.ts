/**
 * Per-integration limit on refused webhook deliveries (bad signature, bad body), in this
 * process. Verifying a signature is cheap; what a flood of forgeries costs is the write
 * that counts each one. Past the limit a refusal is answered 429 and written nowhere, while
 * genuine deliveries (verified first) are never limited. Per process on purpose: it needs
 * no round trip, and N web processes allow at most N times the limit.
 */
export type RejectionLimiter = {
  /** Counts one refusal for the integration; false once its window's budget is spent. */
  allow(integrationId: string): boolean;
};

/** Refusals recorded per integration and minute before further ones are only answered. */
export const WEBHOOK_REJECTIONS_PER_MINUTE = 30;
// Integrations tracked at once; the oldest window is dropped first (forged ids are never looked up here).
const MAX_TRACKED = 10_000;

export function createRejectionLimiter(
  options: { limit?: number; windowMs?: number; now?: () => number } = {},
): RejectionLimiter {
  const limit = options.limit ?? WEBHOOK_REJECTIONS_PER_MINUTE;
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    allow(integrationId) {
      const at = now();
      const current = windows.get(integrationId);
      if (!current || at - current.start >= windowMs) {
        windows.delete(integrationId);
        windows.set(integrationId, { start: at, count: 1 });
        if (windows.size > MAX_TRACKED) windows.delete(windows.keys().next().value as string);
        return true;
      }
      current.count++;
      return current.count <= limit;
    },
  };
}

/** The process's limiter, used when the host passes none (tests pass their own). */
export const processRejectionLimiter = createRejectionLimiter();
