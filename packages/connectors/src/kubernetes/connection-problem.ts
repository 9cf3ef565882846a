import { findNonPublicAddressError } from "../net/guarded-fetch";
import { statusOf } from "./client";

export type ClusterProblemCode =
  "unreachable" | "tls" | "unauthorized" | "forbidden" | "timeout" | "non-public-address" | "api-error";
export type ClusterProblem = { code: ClusterProblemCode; message: string };

export const UNAUTHORIZED: ClusterProblem = {
  code: "unauthorized",
  message:
    "The API server refused the credentials (401 Unauthorized): the token is wrong, expired or revoked, or the client certificate is not trusted.",
};

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

/**
 * What went wrong talking to a cluster, in words a user can act on: the refused address,
 * a TLS failure (with the CA hint), 401, 403 with the server's own message naming the verb
 * and resource, a timeout, or an unreachable server.
 */
export function clusterProblem(error: unknown, server: string): ClusterProblem {
  const refused = findNonPublicAddressError(error);
  if (refused) return { code: "non-public-address", message: refused.message };
  const status = statusOf(error);
  if (status?.code === 401) return UNAUTHORIZED;
  if (status?.code === 403) {
    return {
      code: "forbidden",
      message: `Permission denied (403 Forbidden): ${status.message ?? "the credentials may not do this"}. Apply the read-only ClusterRole and binding shown below.`,
    };
  }
  if (status) {
    return {
      code: "api-error",
      message: `The API server answered ${status.code}${status.message ? `: ${status.message}` : ""}.`,
    };
  }
  const causes = causeChain(error);
  if (causes.some((c) => c.name === "TimeoutError" || c.code === "UND_ERR_CONNECT_TIMEOUT")) {
    return { code: "timeout", message: `${server} did not answer in time.` };
  }
  const tls = causes.find((c) => (c.code && TLS_CODES.has(c.code)) || /certificate|ssl|tls/i.test(c.message ?? ""));
  if (tls) {
    return {
      code: "tls",
      message: `The TLS connection to ${server} failed: ${tls.message ?? tls.code}. Check the CA certificate (the cluster's, PEM) and that the URL's host name is in the server's certificate.`,
    };
  }
  const network = causes.find(
    (c) =>
      c.code && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET)$/.test(c.code),
  );
  return {
    code: "unreachable",
    message: `${server} cannot be reached${network ? ` (${network.code})` : ""}: check the URL, and that the API server accepts connections from the internet.`,
  };
}

function causeChain(error: unknown): Array<{ name?: string; code?: string; message?: string }> {
  const chain: Array<{ name?: string; code?: string; message?: string }> = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    chain.push(current as { name?: string; code?: string; message?: string });
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}
