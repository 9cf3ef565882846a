import { createGuardedFetch, findNonPublicAddressError, type OutboundGuardOptions } from "../net/guarded-fetch";

/** The part of an OpenID Provider's discovery document Stagedoor relies on. */
export type OidcDiscovery = {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint: string | null;
  scopesSupported: string[] | null;
  claimsSupported: string[] | null;
};

export type OidcDiscoveryProblemCode =
  "invalid_issuer" | "non_public" | "unreachable" | "not_found" | "invalid_document" | "issuer_mismatch";

/** Why an issuer cannot be used, in words an admin can act on. */
export class OidcDiscoveryError extends Error {
  override readonly name = "OidcDiscoveryError";
  constructor(
    readonly code: OidcDiscoveryProblemCode,
    message: string,
  ) {
    super(message);
  }
}

export type DiscoveryOptions = OutboundGuardOptions & {
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
};

const MAX_DOCUMENT_BYTES = 256 * 1024;

/** The issuer as the IdP must state it: an https URL (http only where private networks are allowed, i.e. tests), no query or fragment. */
export function normaliseIssuer(input: string, allowHttp = false): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new OidcDiscoveryError("invalid_issuer", "The issuer must be a URL such as https://login.example.com.");
  }
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
    throw new OidcDiscoveryError("invalid_issuer", "The issuer must be an https:// URL.");
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new OidcDiscoveryError("invalid_issuer", "The issuer URL may not contain a query, fragment or credentials.");
  }
  // Issuers are compared as strings (OIDC Discovery 4.3); only a lone trailing slash on the root is dropped.
  return url.pathname === "/" && !input.trim().endsWith("/") ? url.origin : url.href;
}

/**
 * Fetches `<issuer>/.well-known/openid-configuration` through the guarded fetch (the
 * issuer is customer-supplied) and checks what sign-in needs: the `issuer` it states is
 * exactly the configured one (a different value is a wrong or mistyped issuer, or a
 * document served for another tenant), the endpoints are URLs of the same scheme policy.
 */
export async function discoverOidcIssuer(issuerInput: string, options: DiscoveryOptions = {}): Promise<OidcDiscovery> {
  const allowHttp = options.allowPrivateNetworks === true;
  const issuer = normaliseIssuer(issuerInput, allowHttp);
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  const fetch = createGuardedFetch(options);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const refused = findNonPublicAddressError(error);
    if (refused) throw new OidcDiscoveryError("non_public", refused.message);
    throw new OidcDiscoveryError("unreachable", `Could not reach ${url}: ${describe(error)}.`);
  }
  if (response.status === 404) {
    throw new OidcDiscoveryError(
      "not_found",
      `${url} answered 404: check the issuer URL (it is the one your IdP names as "issuer").`,
    );
  }
  if (!response.ok) throw new OidcDiscoveryError("unreachable", `${url} answered HTTP ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_DOCUMENT_BYTES)
    throw new OidcDiscoveryError("invalid_document", "The discovery document is too large.");
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new OidcDiscoveryError("invalid_document", `${url} did not answer JSON.`);
  }
  if (typeof doc !== "object" || doc === null)
    throw new OidcDiscoveryError("invalid_document", "The discovery document is not an object.");
  if (doc.issuer !== issuer) {
    throw new OidcDiscoveryError(
      "issuer_mismatch",
      `Wrong issuer: the IdP calls itself ${JSON.stringify(doc.issuer)}, not ${JSON.stringify(issuer)}. Use exactly the issuer it states.`,
    );
  }
  const endpoint = (key: string, required: boolean): string | null => {
    const value = doc[key];
    if (value === undefined && !required) return null;
    if (typeof value !== "string")
      throw new OidcDiscoveryError("invalid_document", `The discovery document has no ${key}.`);
    try {
      const parsed = new URL(value);
      if (parsed.protocol === "https:" || (allowHttp && parsed.protocol === "http:")) return value;
    } catch {
      // fall through
    }
    throw new OidcDiscoveryError("invalid_document", `The discovery document's ${key} is not an https URL.`);
  };
  const responseTypes = doc.response_types_supported;
  if (Array.isArray(responseTypes) && !responseTypes.includes("code")) {
    throw new OidcDiscoveryError("invalid_document", "The IdP does not support the authorization code flow.");
  }
  return {
    issuer,
    authorizationEndpoint: endpoint("authorization_endpoint", true)!,
    tokenEndpoint: endpoint("token_endpoint", true)!,
    jwksUri: endpoint("jwks_uri", true)!,
    userinfoEndpoint: endpoint("userinfo_endpoint", false),
    scopesSupported: stringList(doc.scopes_supported),
    claimsSupported: stringList(doc.claims_supported),
  };
}

const stringList = (value: unknown) =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : null;

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === "TimeoutError") return "no answer within the time limit";
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
