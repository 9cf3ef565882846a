import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { nonPublicRange } from "./ip-ranges";

export type OutboundUrlRefusal =
  | "invalid-url"
  | "unsupported-protocol"
  | "credentials-in-url"
  | "local-hostname"
  | "non-public-address"
  | "unresolvable";

export type OutboundUrlVerdict =
  | {
      ok: true;
      url: URL;
      /** What the hostname resolved to; empty when the check was waived or skipped. */ addresses: string[];
    }
  | { ok: false; code: OutboundUrlRefusal; reason: string; address?: string };

export type ResolvedAddress = { address: string; family: number };

export type OutboundUrlOptions = {
  /** Operator setting for tests and self-hosting: private, loopback and link-local targets are allowed. */
  allowPrivateNetworks?: boolean;
  /** Injected in tests; defaults to the system resolver (`dns.lookup` with `all: true`). */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
};

const defaultLookup = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * Decides whether a customer-supplied URL may be called from our servers. The URL parser
 * normalises IPv4 spellings (0x7f000001, 2130706433, 0177.0.0.1, 127.1) to dotted quads, so
 * only canonical forms reach the range check; every address a name resolves to must be public.
 *
 * This judges one DNS answer, for a clear message when the URL is entered. A name can answer
 * differently when the connection is made (DNS rebinding): the connection itself is guarded
 * by net/guarded-fetch.ts, which every request to a customer-supplied URL goes through.
 */
export async function checkOutboundUrl(input: string, options: OutboundUrlOptions = {}): Promise<OutboundUrlVerdict> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return refuse(
      "invalid-url",
      `"${truncate(input)}" is not a valid URL; expected something like https://github.example.com/api/v3`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return refuse(
      "unsupported-protocol",
      `Only http and https URLs are allowed, not ${url.protocol.replace(/:$/, "")}.`,
    );
  }
  if (url.username || url.password) {
    return refuse(
      "credentials-in-url",
      "The URL must not contain a user name or password; enter credentials in their own fields.",
    );
  }
  if (options.allowPrivateNetworks) return { ok: true, url, addresses: [] };

  const host = url.hostname.replace(/\.$/, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || host === "ip6-localhost" || host === "ip6-loopback") {
    return refuse("local-hostname", `${url.hostname} always points at the server itself, which is not allowed.`);
  }

  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  if (isIP(literal)) {
    const range = nonPublicRange(literal);
    return range ? refuseAddress(url, literal, range.label, range.cidr) : { ok: true, url, addresses: [literal] };
  }

  let resolved: ResolvedAddress[];
  try {
    resolved = await (options.lookup ?? defaultLookup)(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return refuse(
      "unresolvable",
      `Could not resolve ${url.hostname}${typeof code === "string" ? ` (${code})` : ""}; check the host name.`,
    );
  }
  if (resolved.length === 0) return refuse("unresolvable", `${url.hostname} has no addresses.`);
  for (const { address } of resolved) {
    const range = nonPublicRange(address);
    if (range) return refuseAddress(url, address, range.label, range.cidr);
  }
  return { ok: true, url, addresses: resolved.map((r) => r.address) };
}

function refuseAddress(url: URL, address: string, label: string, cidr: string): OutboundUrlVerdict {
  const via = url.hostname.replace(/^\[|\]$/g, "") === address ? "" : ` (${url.hostname} resolves to ${address})`;
  return {
    ok: false,
    code: "non-public-address",
    address,
    reason: `${address}${via} is not a public address: ${label} (${cidr}). Only public internet hosts can be reached from Stagedoor.`,
  };
}

function refuse(code: OutboundUrlRefusal, reason: string): OutboundUrlVerdict {
  return { ok: false, code, reason };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
