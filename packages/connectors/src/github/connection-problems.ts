import { findNonPublicAddressError } from "../net/guarded-fetch";
import { GitHubConfigurationError } from "./client";
import { hasResponse, header, isRateLimitedError, networkErrorCode, type RequestErrorLike } from "./errors";

export type ConnectionProblemCode =
  | "invalid-configuration"
  | "blocked-url"
  | "bad-credentials"
  | "missing-permission"
  | "installation-not-found"
  | "installation-suspended"
  | "owner-not-found"
  | "unreachable"
  | "tls"
  | "not-github"
  | "rate-limited"
  | "unexpected";

export type ConnectionProblem = {
  ok: false;
  code: ConnectionProblemCode;
  /** What went wrong and what to do about it, for the person filling in the form. */
  message: string;
  /** The underlying error text (GitHub's message, the system error code), for support. */
  detail?: string;
  /** With missing-permission: e.g. ["contents:read"]. */
  missing?: string[];
  /** With rate-limited: when to try again. */
  resetAt?: string;
};

const TLS_MESSAGES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "presented a self-signed certificate",
  SELF_SIGNED_CERT_IN_CHAIN: "presented a certificate chain ending in a self-signed (private) certificate authority",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "presented a certificate that no trusted authority signed",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "presented a certificate from an authority this server does not trust",
  UNABLE_TO_GET_ISSUER_CERT: "presented a certificate whose issuer could not be found",
  CERT_HAS_EXPIRED: "presented an expired certificate",
  CERT_NOT_YET_VALID: "presented a certificate that is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "presented a certificate issued for a different host name",
  CERT_REVOKED: "presented a revoked certificate",
};

// Certificate problems are fixed on the server's side; these are fixed in the URL.
const TLS_URL_MISTAKES: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER:
    "does not speak TLS on this port. If the server only serves plain HTTP, use http://; otherwise check the port.",
  ERR_SSL_PACKET_LENGTH_TOO_LONG:
    "does not speak TLS on this port. If the server only serves plain HTTP, use http://; otherwise check the port.",
};

export function problem(
  code: ConnectionProblemCode,
  message: string,
  extra: Partial<ConnectionProblem> = {},
): ConnectionProblem {
  return { ok: false, code, message, ...extra };
}

/** A GitHub API answer is JSON and carries GitHub's media-type or request-id header. */
export function looksLikeGitHub(headers: Record<string, string | number | undefined>, data: unknown): boolean {
  const type = String(headers["content-type"] ?? "");
  const marked = headers["x-github-media-type"] !== undefined || headers["x-github-request-id"] !== undefined;
  return type.includes("json") && marked && typeof data === "object" && data !== null;
}

export function notGitHub(baseUrl: string, status?: number): ConnectionProblem {
  const hint = /\/api\/v3\/?$/.test(baseUrl)
    ? ""
    : " For GitHub Enterprise Server the API URL ends in /api/v3, e.g. https://github.example.com/api/v3.";
  return problem(
    "not-github",
    `${baseUrl} answered${status ? ` with HTTP ${status}` : ""}, but not like a GitHub API.${hint}`,
  );
}

/** Turns any failure of a connection test request into the problem a person can act on. */
export function describeConnectionError(
  error: unknown,
  context: { baseUrl: string; authType: "app" | "token" },
): ConnectionProblem {
  if (error instanceof GitHubConfigurationError) return problem("invalid-configuration", error.message);
  if (isRateLimitedError(error)) {
    return problem(
      "rate-limited",
      `GitHub's rate limit for these credentials is used up until ${error.resetAt.toISOString()}. Try again after that.`,
      {
        resetAt: error.resetAt.toISOString(),
      },
    );
  }
  if (hasResponse(error)) return describeResponse(error, context);
  // The name passed the URL check but pointed somewhere private when connecting (or redirected there).
  const refused = findNonPublicAddressError(error);
  if (refused) return problem("blocked-url", refused.message, { detail: "non-public-address" });

  const host = safeHost(context.baseUrl);
  const code = networkErrorCode(error);
  const detail = code ? `${code}: ${(error as Error).message}` : (error as Error)?.message;
  if (code && TLS_URL_MISTAKES[code]) return problem("tls", `${host} ${TLS_URL_MISTAKES[code]}`, { detail });
  if (
    code &&
    (TLS_MESSAGES[code] || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || code.includes("CERT"))
  ) {
    const what = TLS_MESSAGES[code] ?? "failed the TLS handshake";
    return problem(
      "tls",
      `${host} ${what}. Use a certificate from a public authority, or ask the operator to trust your internal CA.`,
      { detail },
    );
  }
  switch (code) {
    case "ECONNREFUSED":
      return problem(
        "unreachable",
        `Nothing accepted the connection at ${host} (connection refused). Check the host name and port.`,
        { detail },
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return problem(
        "unreachable",
        `The host name ${host} could not be resolved. Check the spelling, and that the host is reachable from the internet.`,
        { detail },
      );
    case "TimeoutError":
    case "AbortError":
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return problem(
        "unreachable",
        `${host} did not answer in time. A firewall may be dropping connections from Stagedoor.`,
        { detail },
      );
    case "ECONNRESET":
    case "UND_ERR_SOCKET":
    case "EPIPE":
      return problem("unreachable", `${host} closed the connection before answering.`, { detail });
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return problem("unreachable", `There is no network route to ${host}.`, { detail });
    default:
      return problem("unexpected", `Connecting to ${host} failed: ${(error as Error)?.message ?? String(error)}`, {
        detail,
      });
  }
}

function describeResponse(
  error: RequestErrorLike & { response: NonNullable<RequestErrorLike["response"]> },
  context: { baseUrl: string; authType: "app" | "token" },
): ConnectionProblem {
  const { status, headers, data } = error.response;
  if (!looksLikeGitHub(headers, data)) return notGitHub(context.baseUrl, status);
  const githubMessage = (data as { message?: unknown }).message;
  const detail = typeof githubMessage === "string" ? `GitHub said: ${githubMessage}` : undefined;
  if (status === 401) {
    const message =
      context.authType === "app"
        ? "GitHub rejected the app credentials. Check the App ID and that the private key was generated for this app (and not revoked)."
        : "GitHub rejected the access token: it is wrong, expired or revoked. Create a new fine-grained token and paste it again.";
    return problem("bad-credentials", message, { detail });
  }
  if (status === 403) {
    const accepted = header(error, "x-accepted-github-permissions");
    const missing = accepted ? accepted.split(",").map((p) => p.trim().replace("=", ":")) : undefined;
    const needs = missing ? ` It needs ${missing.join(" or ")}.` : "";
    return problem("missing-permission", `GitHub refused the request: the credentials lack a permission.${needs}`, {
      detail,
      missing,
    });
  }
  return problem("unexpected", `GitHub answered HTTP ${status}.`, { detail });
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
