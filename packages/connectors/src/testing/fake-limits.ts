import type { Principal } from "./fake-auth";
import type { FakeResponse } from "./fake-rest";

export type FakeRateLimitSpec = {
  limit?: number;
  /** Budget left in the current window; defaults to the limit. */
  remaining?: number;
  /** End of the current window, epoch ms; defaults to now + windowMs. */
  resetAt?: number;
  windowMs?: number;
};

export type RateBucket = { limit: number; remaining: number; resetAt: number; windowMs: number; used: number };
export type RateResource = "core" | "graphql";

/** GitHub's primary rate limit: one budget per resource that refills when its window ends. */
export class FakeRateLimits {
  private readonly buckets: Record<RateResource, RateBucket>;

  constructor(
    private readonly now: () => number,
    core?: FakeRateLimitSpec,
    graphql?: FakeRateLimitSpec,
  ) {
    this.buckets = { core: this.create(core), graphql: this.create(graphql) };
  }

  /** The bucket as of now, refilled if its window has ended. */
  get(resource: RateResource): RateBucket {
    const bucket = this.buckets[resource];
    if (this.now() >= bucket.resetAt) {
      bucket.remaining = bucket.limit;
      bucket.used = 0;
      bucket.resetAt = this.now() + bucket.windowMs;
    }
    return bucket;
  }

  set(resource: RateResource, spec: FakeRateLimitSpec): void {
    this.buckets[resource] = this.create(spec);
  }

  charge(resource: RateResource): void {
    const bucket = this.get(resource);
    bucket.remaining--;
    bucket.used++;
  }

  headers(resource: RateResource): Record<string, string> {
    const bucket = this.get(resource);
    return {
      "x-ratelimit-limit": String(bucket.limit),
      "x-ratelimit-remaining": String(Math.max(0, bucket.remaining)),
      "x-ratelimit-reset": String(Math.ceil(bucket.resetAt / 1000)),
      "x-ratelimit-used": String(bucket.used),
      "x-ratelimit-resource": resource,
    };
  }

  /** The body of GET /rate_limit. */
  overview() {
    const view = (r: RateResource) => {
      const b = this.get(r);
      return { limit: b.limit, remaining: b.remaining, reset: Math.floor(b.resetAt / 1000), used: b.used };
    };
    return { core: view("core"), graphql: view("graphql") };
  }

  /** What GitHub answers once a budget is spent: 403 for REST, 200 with RATE_LIMITED for GraphQL. */
  exceeded(resource: RateResource, principal: Principal): FakeResponse {
    const who = principal.kind === "installation" ? `installation ID ${principal.installationId}` : "user ID 1";
    const message = `API rate limit exceeded for ${who}.`;
    const headers = this.headers(resource);
    if (resource === "graphql") {
      return {
        status: 200,
        headers,
        body: { errors: [{ type: "RATE_LIMITED", code: "graphql_rate_limit", message }] },
      };
    }
    const documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    return { status: 403, headers, body: { message, documentation_url, status: "403" } };
  }

  private create(spec: FakeRateLimitSpec = {}): RateBucket {
    const limit = spec.limit ?? 5000;
    const windowMs = spec.windowMs ?? 60 * 60 * 1000;
    const remaining = spec.remaining ?? limit;
    return { limit, remaining, resetAt: spec.resetAt ?? this.now() + windowMs, windowMs, used: limit - remaining };
  }
}

export type FakeFault =
  | { type: "server-error"; status?: 500 | 502 | 503 | 504 }
  | { type: "secondary-rate-limit"; status?: 403 | 429; retryAfterSeconds?: number }
  /** Drops the connection without an answer. */
  | { type: "connection-reset" };

export type FaultOptions = {
  /** Only the request with this sequence number (1-based, as in the request log). */
  onRequest?: number;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  match?: (path: string) => boolean;
};

type PendingFault = { fault: FakeFault; options: FaultOptions; left: number };

/** Faults waiting for the requests they should hit. */
export class FakeFaults {
  private pending: PendingFault[] = [];

  inject(fault: FakeFault, options: FaultOptions = {}): void {
    this.pending.push({ fault, options, left: options.times ?? 1 });
  }

  take(seq: number, path: string): FakeFault | undefined {
    const index = this.pending.findIndex(
      ({ options }) =>
        (options.onRequest === undefined || options.onRequest === seq) && (!options.match || options.match(path)),
    );
    const found = this.pending[index];
    if (!found) return undefined;
    if (--found.left <= 0) this.pending.splice(index, 1);
    return found.fault;
  }
}

/** The answer for an injected fault; null for a dropped connection. */
export function faultResponse(fault: FakeFault, rateHeaders: Record<string, string>): FakeResponse | null {
  if (fault.type === "connection-reset") return null;
  if (fault.type === "server-error") return { status: fault.status ?? 502, body: { message: "Server Error" } };
  const retryAfter: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
  return {
    status: fault.status ?? 403,
    headers: { ...rateHeaders, ...retryAfter },
    body: {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    },
  };
}
