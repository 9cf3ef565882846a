export type RateLimitKind = "primary" | "secondary";

/**
 * GitHub asked us to stop until `resetAt` and that is further away than the client is
 * willing to wait in-process. A job catches this, reschedules itself for `resetAt` and
 * resumes from its last checkpoint (e.g. the discovery cursor).
 */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  constructor(
    readonly kind: RateLimitKind,
    readonly resetAt: Date,
    /** GitHub's rate-limit bucket: core, graphql, search, ... */
    readonly resource: string,
  ) {
    super(
      kind === "primary"
        ? `GitHub ${resource} API rate limit exhausted until ${resetAt.toISOString()}`
        : `GitHub secondary rate limit hit; retry after ${resetAt.toISOString()}`,
    );
  }
}

export const isRateLimitedError = (e: unknown): e is RateLimitedError => e instanceof RateLimitedError;

/** The parts of Octokit's RequestError we rely on, checked structurally. */
export type RequestErrorLike = Error & {
  status: number;
  response?: { status: number; url?: string; headers: Record<string, string | number | undefined>; data: unknown };
};

export function asRequestError(error: unknown): RequestErrorLike | null {
  if (!(error instanceof Error) || typeof (error as { status?: unknown }).status !== "number") return null;
  return error as RequestErrorLike;
}

/** An HTTP response came back (as opposed to the request failing on the network). */
export function hasResponse(
  error: unknown,
): error is RequestErrorLike & { response: NonNullable<RequestErrorLike["response"]> } {
  const e = asRequestError(error);
  return !!e?.response && typeof e.response.status === "number";
}

/** The system error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ...) somewhere in the cause chain. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const name = (current as { name?: unknown }).name;
    if (name === "TimeoutError" || name === "AbortError") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** GraphQL answered 200 with `errors`; Octokit throws GraphqlResponseError carrying partial data. */
export type GraphqlErrorLike = Error & {
  errors: Array<{ type?: string; message: string; path?: Array<string | number> }>;
  data?: unknown;
};

export function asGraphqlError(error: unknown): GraphqlErrorLike | null {
  if (!(error instanceof Error) || !Array.isArray((error as { errors?: unknown }).errors)) return null;
  return error as GraphqlErrorLike;
}

export function header(error: RequestErrorLike, name: string): string | undefined {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
}
