import { isIPv4, isIPv6 } from "node:net";

/** Why an address is not a public internet destination. */
export type NonPublicRange = { cidr: string; label: string };

type V4Range = { base: number; bits: number; label: string };
type V6Range = { base: bigint; bits: number; label: string };

// Everything that is not a globally routable unicast destination. Customer-supplied URLs
// must not reach the operator's own network, so the list errs on the side of refusing.
const V4_RANGES: V4Range[] = [
  v4("0.0.0.0", 8, "unspecified address ('this network')"),
  v4("10.0.0.0", 8, "private network"),
  v4("100.64.0.0", 10, "carrier-grade NAT (shared address space)"),
  v4("127.0.0.0", 8, "loopback"),
  v4("169.254.0.0", 16, "link-local"),
  v4("172.16.0.0", 12, "private network"),
  v4("192.0.0.0", 24, "IETF protocol assignments"),
  v4("192.0.2.0", 24, "documentation (TEST-NET-1)"),
  v4("192.168.0.0", 16, "private network"),
  v4("198.18.0.0", 15, "benchmarking"),
  v4("198.51.100.0", 24, "documentation (TEST-NET-2)"),
  v4("203.0.113.0", 24, "documentation (TEST-NET-3)"),
  v4("224.0.0.0", 4, "multicast"),
  v4("240.0.0.0", 4, "reserved (and broadcast)"),
];

const V6_RANGES: V6Range[] = [
  v6("::", 128, "unspecified address"),
  v6("::1", 128, "loopback"),
  v6("100::", 64, "discard-only"),
  v6("64:ff9b:1::", 48, "local-use NAT64"),
  v6("2001::", 32, "Teredo tunnelling"),
  v6("2001:db8::", 32, "documentation"),
  v6("fc00::", 7, "unique local (private network)"),
  v6("fe80::", 10, "link-local"),
  v6("fec0::", 10, "site-local"),
  v6("ff00::", 8, "multicast"),
];

// IPv6 forms that carry an IPv4 address: judged by the IPv4 address inside, because
// that is where the packets end up (directly, through NAT64 or through a 6to4 relay).
const V6_EMBEDDING_V4: Array<{ base: bigint; bits: number; extract: (n: bigint) => number; form: string }> = [
  { ...prefix("::ffff:0:0", 96), extract: (n) => Number(n & 0xffffffffn), form: "IPv4-mapped IPv6" },
  { ...prefix("::", 96), extract: (n) => Number(n & 0xffffffffn), form: "IPv4-compatible IPv6" },
  { ...prefix("64:ff9b::", 96), extract: (n) => Number(n & 0xffffffffn), form: "NAT64 IPv6" },
  { ...prefix("2002::", 16), extract: (n) => Number((n >> 80n) & 0xffffffffn), form: "6to4 IPv6" },
];

const METADATA_V4 = parseIPv4("169.254.169.254") as number;

/** Returns the range an IP literal falls in when it is not a public unicast address, else null. */
export function nonPublicRange(address: string): NonPublicRange | null {
  const ip = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (isIPv4(ip)) return v4Range(parseIPv4(ip) as number);
  if (isIPv6(ip)) {
    const n = parseIPv6(ip);
    if (n === null) return { cidr: ip, label: "unparseable IPv6 address" };
    for (const embed of V6_EMBEDDING_V4) {
      if (n >> BigInt(128 - embed.bits) !== embed.base >> BigInt(128 - embed.bits)) continue;
      // "::" and "::1" live inside ::/96 but are IPv6 addresses in their own right.
      if (embed.form === "IPv4-compatible IPv6" && n <= 1n) break;
      const inner = v4Range(embed.extract(n));
      if (inner) return { cidr: inner.cidr, label: `${inner.label} (${embed.form} form)` };
    }
    for (const range of V6_RANGES) {
      if (n >> BigInt(128 - range.bits) === range.base >> BigInt(128 - range.bits)) {
        return { cidr: `${formatV6(range.base)}/${range.bits}`, label: range.label };
      }
    }
    return null;
  }
  return { cidr: ip, label: "not an IP address" };
}

function v4Range(n: number): NonPublicRange | null {
  for (const range of V4_RANGES) {
    const mask = range.bits === 0 ? 0 : (0xffffffff << (32 - range.bits)) >>> 0;
    if ((n & mask) >>> 0 === range.base) {
      const label = n === METADATA_V4 ? "link-local cloud metadata endpoint" : range.label;
      return { cidr: `${formatV4(range.base)}/${range.bits}`, label };
    }
  }
  return null;
}

/** Dotted-quad only: other spellings (hex, octal, dword) are normalised away by the URL parser first. */
export function parseIPv4(ip: string): number | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const byte = Number(part);
    if (byte > 255) return null;
    n = n * 256 + byte;
  }
  return n;
}

export function parseIPv6(ip: string): bigint | null {
  if (ip.includes("%")) return null; // zone ids name a local interface: never a public target
  let text = ip.toLowerCase();
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    // A trailing dotted quad is two 16-bit groups written differently.
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (s: string) =>
    s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0] ?? "");
  const rest = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const explicit = head.length + rest.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const groups = [...head, ...Array<number>(8 - explicit).fill(0), ...rest];
  if (groups.some((g) => Number.isNaN(g))) return null;
  return groups.reduce((acc: bigint, g: number) => (acc << 16n) | BigInt(g), 0n);
}

function v4(base: string, bits: number, label: string): V4Range {
  return { base: parseIPv4(base) as number, bits, label };
}

function v6(base: string, bits: number, label: string): V6Range {
  return { base: parseIPv6(base) as bigint, bits, label };
}

function prefix(base: string, bits: number) {
  return { base: parseIPv6(base) as bigint, bits };
}

function formatV4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function formatV6(n: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  return groups.join(":").replace(/(^|:)0(:0)+(:|$)/, "::");
}
