/**
 * A per-org counting semaphore in Redis with leases: at most `limit` integration jobs of
 * one org run at once across all worker processes. A holder that dies without releasing
 * (a killed worker) loses its slot when the lease runs out, so a crash cannot wedge an org.
 */
export type OrgSlots = {
  acquire(orgId: string, holder: string): Promise<boolean>;
  release(orgId: string, holder: string): Promise<void>;
};

// KEYS[1] the org's slot set (holder → lease expiry); ARGV: now, lease ms, limit, holder.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[4]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

/** The two Redis commands the slots use; an ioredis client fits (core does not depend on ioredis). */
export type SlotRedis = {
  eval(script: string, keys: number, ...args: Array<string | number>): Promise<unknown>;
  zrem(key: string, member: string): Promise<unknown>;
};

export type OrgSlotOptions = {
  prefix: string;
  limit: number;
  leaseMs: number;
  /** Milliseconds since the epoch; tests pass their own to expire leases without waiting. */
  now?: () => number;
};

/**
 * The fairness lease of every provider's sync jobs (jobs defined with `fairness: "org"`).
 * Lease expiry is computed from `now`, not Redis' clock, so a test can move time.
 */
export function createOrgSlots(redis: SlotRedis, options: OrgSlotOptions): OrgSlots {
  const now = options.now ?? Date.now;
  const key = (orgId: string) => `${options.prefix}:org-slots:${orgId}`;
  return {
    async acquire(orgId, holder) {
      const got = await redis.eval(ACQUIRE, 1, key(orgId), now(), options.leaseMs, options.limit, holder);
      return got === 1;
    },
    async release(orgId, holder) {
      await redis.zrem(key(orgId), holder);
    },
  };
}
