import type { Clock } from "../util/clock";
import { RateLimitedError, hasResponse, header, networkErrorCode, type RateLimitKind } from "./errors";
import { resourceForUrl, type RateLimitTracker } from "./rate-limit";

export type RequestPolicyOptions = {
  clock: Clock;
  tracker: RateLimitTracker;
  /** Waits up to this long in-process; a longer wait surfaces as RateLimitedError so a job can reschedule. */
  maxRateLimitWaitMs: number;
  /** Retries of transient failures (5xx, connection resets) per request. */
  maxRetries: number;
  retryBaseDelayMs: number;
  maxSecondaryRetries: number;
  /** Wait after a secondary limit without retry-after; doubles on each repeat (GitHub asks for at least a minute). */
  secondaryFallbackDelayMs: number;
  stats: { retries: number; rateLimitWaits: number; waitedMs: number };
};

type HookOptions = { url: string; method?: string };

// A margin after the advertised reset so a slightly fast local clock does not retry early.
const RESET_MARGIN_MS = 1000;
const MAX_PRIMARY_RETRIES = 3;
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const TRANSIENT_NETWORK_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/**
 * Wraps every Octokit request: waits out exhausted rate limits instead of sending requests
 * that are bound to fail, honours secondary limits (retry-after, else exponential backoff, and
 * the pause applies to every request of this client), and retries transient failures a bounded
 * number of times. Connectors only read, so re-sending (including GraphQL query POSTs) is safe.
 */
export function createRequestPolicy(options: RequestPolicyOptions) {
  const { clock, tracker, stats } = options;
  let pausedUntil = 0;

  const waitForClearance = async (resource: string) => {
    const now = clock.now();
    const primaryUntil = tracker.exhaustedUntil(resource, now);
    const until = Math.max(pausedUntil, primaryUntil === null ? 0 : primaryUntil + RESET_MARGIN_MS);
    if (until <= now) return;
    const kind: RateLimitKind = until === pausedUntil ? "secondary" : "primary";
    if (until - now > options.maxRateLimitWaitMs) throw new RateLimitedError(kind, new Date(until), resource);
    stats.rateLimitWaits++;
    stats.waitedMs += until - now;
    await clock.sleep(until - now);
  };

  return async function policy<R>(request: (o: HookOptions) => Promise<R>, hookOptions: HookOptions): Promise<R> {
    const resource = resourceForUrl(hookOptions.url);
    let primaryAttempts = 0;
    let secondaryAttempts = 0;
    let transientAttempts = 0;
    for (;;) {
      await waitForClearance(resource);
      let response: R;
      try {
        response = await request(hookOptions);
      } catch (error) {
        const status = hasResponse(error) ? error.response.status : undefined;
        const limited = status === 403 || status === 429;
        if (limited && hasResponse(error) && header(error, "x-ratelimit-remaining") === "0") {
          if (++primaryAttempts > MAX_PRIMARY_RETRIES) throw error;
          const bucket = header(error, "x-ratelimit-resource") ?? resource;
          // A reset already in the past (clock skew) still gets a short pause rather than a hot loop.
          tracker.markExhausted(bucket, Math.max(resetAtOf(error), clock.now() + RESET_MARGIN_MS));
          stats.retries++;
          continue;
        }
        if (limited && hasResponse(error) && isSecondaryLimit(error)) {
          const retryAfter = Number(header(error, "retry-after"));
          const delay =
            Number.isFinite(retryAfter) && retryAfter > 0
              ? retryAfter * 1000
              : options.secondaryFallbackDelayMs * 2 ** secondaryAttempts;
          if (++secondaryAttempts > options.maxSecondaryRetries) {
            throw new RateLimitedError("secondary", new Date(clock.now() + delay), resource);
          }
          pausedUntil = Math.max(pausedUntil, clock.now() + delay);
          stats.retries++;
          continue;
        }
        const transient =
          (status !== undefined && TRANSIENT_STATUSES.has(status)) ||
          (status === undefined && TRANSIENT_NETWORK_CODES.has(networkErrorCode(error) ?? ""));
        if (transient && transientAttempts < options.maxRetries) {
          const delay = options.retryBaseDelayMs * 2 ** transientAttempts++;
          stats.retries++;
          await clock.sleep(delay);
          continue;
        }
        throw error;
      }
      if (resource === "graphql" && isGraphqlRateLimited(response)) {
        // GraphQL reports an exhausted budget as 200 with errors[].type RATE_LIMITED.
        if (++primaryAttempts > MAX_PRIMARY_RETRIES) return response;
        const headers = (response as { headers?: Record<string, string | undefined> }).headers ?? {};
        const reset = Number(headers["x-ratelimit-reset"]);
        tracker.markExhausted("graphql", Number.isFinite(reset) && reset > 0 ? reset * 1000 : clock.now() + 60_000);
        stats.retries++;
        continue;
      }
      return response;
    }
  };
}

function isSecondaryLimit(error: Parameters<typeof header>[0]): boolean {
  if (header(error, "retry-after") !== undefined) return true;
  const message = messageOf(error.response?.data) ?? error.message;
  if (/secondary rate limit|abuse detection/i.test(message)) return true;
  return error.status === 429;
}

function resetAtOf(error: Parameters<typeof header>[0]): number {
  const reset = Number(header(error, "x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : 0;
}

function isGraphqlRateLimited(response: unknown): boolean {
  const errors = (response as { data?: { errors?: unknown } }).data?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { type?: unknown }).type === "RATE_LIMITED");
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}
