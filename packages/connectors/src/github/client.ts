import { createPrivateKey } from "node:crypto";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { systemClock, type Clock } from "../util/clock";
import { outboundDispatcher, withDispatcher, type OutboundGuardOptions } from "../net/guarded-fetch";
import { createLimiter } from "../util/concurrency";
import { createRateLimitTracker, resourceForUrl, type RateLimitSnapshot } from "./rate-limit";
import { createRequestPolicy } from "./request-policy";
import { resolveGitHubEndpoints, type GitHubEndpoints } from "./urls";

export type GitHubAppCredentials = {
  type: "app";
  appId: number | string;
  /** The PEM the app's settings page hands out (PKCS#1 or PKCS#8). */
  privateKey: string;
  installationId: number | string;
};

/** A fine-grained (or classic) personal access token. */
export type GitHubTokenCredentials = { type: "token"; token: string };

export type GitHubCredentials = GitHubAppCredentials | GitHubTokenCredentials;

export type GitHubClientOptions = {
  /** REST base URL: https://api.github.com (default) or https://ghes.example.com/api/v3. */
  baseUrl?: string;
  /** Web UI origin, when it cannot be derived from baseUrl (only test servers need this). */
  webBaseUrl?: string;
  clock?: Clock;
  /** Most HTTP requests in flight at once for this client (fan-out is queued behind it). */
  maxConcurrency?: number;
  maxRateLimitWaitMs?: number;
  maxRetries?: number;
  retryBaseDelayMs?: number;
  maxSecondaryRetries?: number;
  secondaryFallbackDelayMs?: number;
  requestTimeoutMs?: number;
  userAgent?: string;
  /**
   * Every connection is checked when it is opened (DNS rebinding, redirects): non-public
   * addresses are refused unless the operator allows private networks. Defaults to refusing.
   */
  outbound?: OutboundGuardOptions;
  /** Receives the guarded dispatcher in `init.dispatcher`; pass it on to Node's fetch. */
  fetch?: typeof globalThis.fetch;
  log?: {
    debug: (m: string) => void;
    info: (m: string) => void;
    warn: (m: string) => void;
    error: (m: string) => void;
  };
};

export type GitHubRequestStats = {
  /** HTTP requests sent, including retries and installation-token requests. */
  requests: number;
  /** Conditional requests answered 304 (these cost no rate limit). */
  notModified: number;
  retries: number;
  rateLimitWaits: number;
  waitedMs: number;
};

export type GitHubClient = {
  octokit: Octokit;
  endpoints: GitHubEndpoints;
  authType: GitHubCredentials["type"];
  clock: Clock;
  maxConcurrency: number;
  stats(): GitHubRequestStats;
  /** Last rate-limit state GitHub reported for a bucket (default core). */
  rateLimit(resource?: string): RateLimitSnapshot | undefined;
  rateLimits(): RateLimitSnapshot[];
};

export type GitHubConfigurationProblem =
  "invalid-private-key" | "invalid-app-id" | "invalid-installation-id" | "invalid-token" | "invalid-base-url";

/** The connection settings cannot work, whatever GitHub says. Raised before any request. */
export class GitHubConfigurationError extends Error {
  override readonly name = "GitHubConfigurationError";
  constructor(
    readonly problem: GitHubConfigurationProblem,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULTS = {
  maxConcurrency: 4,
  maxRateLimitWaitMs: 60_000,
  maxRetries: 3,
  retryBaseDelayMs: 1000,
  maxSecondaryRetries: 3,
  secondaryFallbackDelayMs: 60_000,
  requestTimeoutMs: 30_000,
};

// Octokit logs every failed request at error level; failures reach callers as typed results or
// thrown errors instead, so only warnings (deprecations, clock skew) are printed by default.
const quietLog = { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} };

export function createGitHubClient(credentials: GitHubCredentials, options: GitHubClientOptions = {}): GitHubClient {
  const settings = { ...DEFAULTS, ...stripUndefined(options) };
  let endpoints: GitHubEndpoints;
  try {
    endpoints = resolveGitHubEndpoints(options.baseUrl, options.webBaseUrl);
  } catch {
    throw new GitHubConfigurationError("invalid-base-url", `"${options.baseUrl}" is not a valid URL.`);
  }
  const clock = options.clock ?? systemClock;
  const tracker = createRateLimitTracker();
  const stats: GitHubRequestStats = { requests: 0, notModified: 0, retries: 0, rateLimitWaits: 0, waitedMs: 0 };
  const limit = createLimiter(settings.maxConcurrency);
  const baseFetch = options.fetch ?? globalThis.fetch;
  const dispatcher = outboundDispatcher(options.outbound);

  // Counting and rate-limit bookkeeping sit at the fetch level so they see every HTTP request,
  // including the installation-token requests the auth strategy makes on its own.
  const instrumentedFetch: typeof globalThis.fetch = (input, init) =>
    limit(async () => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      // App-JWT requests are charged to the app, not to the installation's buckets.
      const appJwt = /^bearer\s/i.test(new Headers(init?.headers).get("authorization") ?? "");
      if (!appJwt) tracker.reserve(resourceForUrl(url));
      stats.requests++;
      const timeout = AbortSignal.timeout(settings.requestTimeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const response = await baseFetch(input, withDispatcher({ ...init, signal }, dispatcher));
      if (!appJwt) tracker.observe(response.headers);
      if (response.status === 304) stats.notModified++;
      return response;
    });

  const common = {
    baseUrl: endpoints.apiBaseUrl,
    userAgent: options.userAgent ?? "stagedoor-connectors",
    request: { fetch: instrumentedFetch },
    log: options.log ?? quietLog,
  };
  const octokit =
    credentials.type === "app"
      ? new Octokit({ ...common, authStrategy: createAppAuth, auth: appAuthOptions(credentials) })
      : new Octokit({ ...common, auth: tokenOf(credentials) });

  octokit.hook.wrap(
    "request",
    createRequestPolicy({
      clock,
      tracker,
      stats,
      maxRateLimitWaitMs: settings.maxRateLimitWaitMs,
      maxRetries: settings.maxRetries,
      retryBaseDelayMs: settings.retryBaseDelayMs,
      maxSecondaryRetries: settings.maxSecondaryRetries,
      secondaryFallbackDelayMs: settings.secondaryFallbackDelayMs,
      // Octokit's hook types are generic over every endpoint; the policy is endpoint-agnostic.
    }) as unknown as Parameters<typeof octokit.hook.wrap<"request">>[1],
  );

  return {
    octokit,
    endpoints,
    authType: credentials.type,
    clock,
    maxConcurrency: settings.maxConcurrency,
    stats: () => ({ ...stats }),
    rateLimit: (resource = "core") => tracker.get(resource),
    rateLimits: () => tracker.all(),
  };
}

function appAuthOptions(credentials: GitHubAppCredentials) {
  const appId = String(credentials.appId).trim();
  if (!/^\d+$/.test(appId)) {
    throw new GitHubConfigurationError(
      "invalid-app-id",
      `App ID "${appId}" should be a number (the "App ID" on the app's settings page).`,
    );
  }
  const installationId = String(credentials.installationId).trim();
  if (!/^\d+$/.test(installationId)) {
    throw new GitHubConfigurationError(
      "invalid-installation-id",
      `Installation ID "${installationId}" should be a number (the last part of the installation's settings URL).`,
    );
  }
  // Keys pasted from environment files often arrive with literal "\n" sequences.
  const privateKey = credentials.privateKey.includes("\\n")
    ? credentials.privateKey.replace(/\\n/g, "\n")
    : credentials.privateKey;
  try {
    const key = createPrivateKey(privateKey.trim());
    if (key.asymmetricKeyType !== "rsa") throw new Error("not RSA");
  } catch {
    throw new GitHubConfigurationError(
      "invalid-private-key",
      "The private key is not a valid RSA private key in PEM format. Paste the whole .pem file the app's settings page generated, including the BEGIN and END lines.",
    );
  }
  return { appId: Number(appId), privateKey: privateKey.trim(), installationId: Number(installationId) };
}

function tokenOf(credentials: GitHubTokenCredentials): string {
  const token = credentials.token.trim();
  if (!token || /\s/.test(token)) {
    throw new GitHubConfigurationError(
      "invalid-token",
      "The access token is empty or contains spaces; paste the token exactly as GitHub showed it.",
    );
  }
  return token;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
