import { lookup as dnsLookup } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector, type Dispatcher } from "undici";
import { nonPublicRange, type NonPublicRange } from "./ip-ranges";
import type { ResolvedAddress } from "./outbound-url";

export type OutboundGuardOptions = {
  /** Operator setting for tests and self-hosting: private, loopback and link-local targets are allowed. */
  allowPrivateNetworks?: boolean;
  /** Injected in tests; defaults to the system resolver (`dns.lookup` with `all: true`). */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Injected in tests that need a reachable "public" server on loopback; defaults to nonPublicRange. */
  classify?: (address: string) => NonPublicRange | null;
  /** TLS settings of a customer's server (a Kubernetes API server's CA and client certificate). */
  tls?: { ca?: string; cert?: string; key?: string };
};

export const NON_PUBLIC_ADDRESS = "ERR_STAGEDOOR_NON_PUBLIC_ADDRESS";

/** A connection to a customer-supplied host was refused because the address it would use is not public. */
export class NonPublicAddressError extends Error {
  override readonly name = "NonPublicAddressError";
  readonly code = NON_PUBLIC_ADDRESS;
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: NonPublicRange,
  ) {
    const via = hostname === address ? "" : ` (${hostname} resolved to ${address} when connecting)`;
    super(
      `${address}${via} is not a public address: ${range.label} (${range.cidr}). Only public internet hosts can be reached from Stagedoor.`,
    );
  }
}

const systemLookup = (hostname: string) =>
  new Promise<ResolvedAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * An undici dispatcher that checks the address of every connection it opens, after DNS
 * and right before connecting. checkOutboundUrl judges one DNS answer at save time, but a
 * name can answer a public address to that check and a private one to the connection
 * (DNS rebinding); this is the check that counts. Every hop of a redirect opens its
 * connection through the same dispatcher, so redirects are covered too.
 *
 * As with checkOutboundUrl, a name is refused when any of its addresses is not public, so
 * happy-eyeballs cannot fall back to the private one.
 */
export function createGuardedDispatcher(options: OutboundGuardOptions = {}): Dispatcher {
  const classify = options.allowPrivateNetworks ? () => null : (options.classify ?? nonPublicRange);
  const resolve = options.lookup ?? systemLookup;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    // A resolver that throws instead of rejecting still ends in the callback.
    Promise.resolve(hostname)
      .then(resolve)
      .then(
        (resolved) => {
          for (const { address } of resolved) {
            const range = classify(address);
            if (range) return callback(new NonPublicAddressError(hostname, address, range), "", 0);
          }
          const family = familyOf(lookupOptions.family);
          const usable = resolved.filter((r) => family === 0 || r.family === family);
          const first = usable[0];
          if (!first) {
            const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
              code: "ENOTFOUND",
              hostname,
            });
            return callback(error, "", 0);
          }
          // Node asks for every address when it tries IPv6 and IPv4 in turn (autoSelectFamily).
          if (lookupOptions.all) return callback(null, usable);
          return callback(null, first.address, first.family);
        },
        (error: NodeJS.ErrnoException) => callback(error, "", 0),
      );
  };
  const connector = buildConnector({ lookup, ...options.tls } as buildConnector.BuildOptions);
  return new Agent({
    connect: (connectOptions, callback) => {
      // Node skips the lookup for IP literals, so those are judged here.
      const literal = connectOptions.hostname.replace(/^\[|\]$/g, "");
      const range = isIP(literal) ? classify(literal) : null;
      if (range) return callback(new NonPublicAddressError(literal, literal, range), null);
      return connector(connectOptions, callback);
    },
  });
}

function familyOf(family: number | string | undefined): 0 | 4 | 6 {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return 0;
}

let shared: Dispatcher | undefined;

/** One guarded dispatcher per process for production use, so connections are pooled across clients. */
export function sharedGuardedDispatcher(): Dispatcher {
  shared ??= createGuardedDispatcher();
  return shared;
}

/**
 * The dispatcher for requests to a customer-supplied URL: the process-wide guarded one, a
 * new one when a test injects a resolver or classifier, or undefined (the default dispatcher)
 * when the operator allows private networks and nothing is injected.
 */
export function outboundDispatcher(options: OutboundGuardOptions = {}): Dispatcher | undefined {
  if (options.lookup || options.classify || options.tls) return createGuardedDispatcher(options);
  return options.allowPrivateNetworks ? undefined : sharedGuardedDispatcher();
}

/**
 * fetch for customer-supplied URLs (GitHub Enterprise today; Kubernetes API servers, cost
 * export URLs and OIDC issuers next): every connection, redirects included, goes through a
 * guarded dispatcher. A refused connection rejects like any network failure (TypeError
 * "fetch failed") with a NonPublicAddressError as its cause.
 *
 * It calls the global fetch: Node's bundled undici is the same major version as the
 * `undici` dependency, so the global fetch accepts this dispatcher (the tests would reach the
 * loopback server if it were ignored). A caller's own `dispatcher` in init is replaced.
 */
export function createGuardedFetch(
  options: OutboundGuardOptions & { fetch?: typeof globalThis.fetch } = {},
): typeof globalThis.fetch {
  const dispatcher = outboundDispatcher(options);
  const inner = options.fetch ?? globalThis.fetch;
  if (!dispatcher) return inner;
  return (input, init) => inner(input, withDispatcher(init, dispatcher));
}

/** RequestInit with an undici dispatcher: Node's fetch reads this non-standard field. */
export function withDispatcher(init: RequestInit | undefined, dispatcher: Dispatcher | undefined): RequestInit {
  if (!dispatcher) return init ?? {};
  return { ...init, dispatcher } as RequestInit;
}

/** The refusal inside an error's cause chain (fetch and Octokit wrap it), if there is one. */
export function findNonPublicAddressError(error: unknown): NonPublicAddressError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof NonPublicAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
