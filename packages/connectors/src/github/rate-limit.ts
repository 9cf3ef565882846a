/** The last rate-limit state GitHub reported for one bucket (core, graphql, search, ...). */
export type RateLimitSnapshot = {
  resource: string;
  limit: number;
  remaining: number;
  /** When the bucket refills, in epoch milliseconds. */
  resetAt: number;
};

export type RateLimitTracker = {
  /** Reads x-ratelimit-* headers from a response. */
  observe(headers: Headers): void;
  /** Counts a request about to be sent, so concurrent requests do not all spend the last unit. */
  reserve(resource: string): void;
  /** The epoch ms until which `resource` is known to be exhausted, or null. */
  exhaustedUntil(resource: string, now: number): number | null;
  markExhausted(resource: string, resetAt: number): void;
  get(resource: string): RateLimitSnapshot | undefined;
  all(): RateLimitSnapshot[];
};

export function createRateLimitTracker(): RateLimitTracker {
  const buckets = new Map<string, RateLimitSnapshot>();
  return {
    observe(headers) {
      const remaining = toInt(headers.get("x-ratelimit-remaining"));
      const reset = toInt(headers.get("x-ratelimit-reset"));
      if (remaining === null || reset === null) return;
      const resource = headers.get("x-ratelimit-resource") ?? "core";
      const limit = toInt(headers.get("x-ratelimit-limit")) ?? remaining;
      const resetAt = reset * 1000;
      const previous = buckets.get(resource);
      // Responses to concurrent requests arrive out of order; within one window the lowest
      // remaining count is the freshest. A new reset time means a new window.
      const sameWindow = previous && previous.resetAt === resetAt;
      buckets.set(resource, {
        resource,
        limit,
        remaining: sameWindow ? Math.min(previous.remaining, remaining) : remaining,
        resetAt,
      });
    },
    reserve(resource) {
      const bucket = buckets.get(resource);
      if (bucket && bucket.remaining > 0) bucket.remaining--;
    },
    exhaustedUntil(resource, now) {
      const bucket = buckets.get(resource);
      if (!bucket || bucket.remaining > 0 || bucket.resetAt <= now) return null;
      return bucket.resetAt;
    },
    markExhausted(resource, resetAt) {
      const previous = buckets.get(resource);
      buckets.set(resource, { resource, limit: previous?.limit ?? 0, remaining: 0, resetAt });
    },
    get: (resource) => {
      const bucket = buckets.get(resource);
      return bucket && { ...bucket };
    },
    all: () => [...buckets.values()].map((b) => ({ ...b })),
  };
}

/** The bucket a request is charged to, judged from its URL before GitHub tells us. */
export function resourceForUrl(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").split("?")[0] ?? "";
  if (/\/graphql$/.test(path)) return "graphql";
  if (/^(\/api\/v3)?\/search\//.test(path)) return "search";
  return "core";
}

function toInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}
