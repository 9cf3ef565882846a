import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createGuardedFetch,
  findNonPublicAddressError,
  NON_PUBLIC_ADDRESS,
  NonPublicAddressError,
} from "./guarded-fetch";
import { nonPublicRange } from "./ip-ranges";
import { checkOutboundUrl, type ResolvedAddress } from "./outbound-url";

type Target = { url: string; port: number; hits: string[] };
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A local HTTP server that records every request; `redirectTo` answers 302 to that URL. */
async function listen(host: string, redirectTo?: (port: number) => string): Promise<Target> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.headers.host}${req.url}`);
    if (redirectTo) {
      res.writeHead(302, { location: redirectTo(port) }).end();
    } else {
      res.writeHead(200, { "content-type": "text/plain" }).end("reached");
    }
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, host, done));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://${host}:${port}`, port, hits };
}

/** Answers each name from its list of answers in turn (the last answer repeats): a rebinding DNS server. */
function rebindingResolver(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const list = answers[hostname];
    if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    const count = asked.filter((h) => h === hostname).length;
    const address = list[Math.min(count, list.length) - 1] as string;
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
  return { lookup, asked };
}

async function refusal(promise: Promise<unknown>): Promise<NonPublicAddressError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError); // fetch's "fetch failed", as for any network failure
  const refused = findNonPublicAddressError(error);
  expect(refused).toBeInstanceOf(NonPublicAddressError);
  return refused as NonPublicAddressError;
}

// Loopback stands in for the public internet where a test needs a server that is reachable
// and allowed; every other address is judged as in production.
const loopbackIsPublic = (address: string) => (address === "127.0.0.1" ? null : nonPublicRange(address));

describe("guarded fetch: the address is checked when connecting", () => {
  it("refuses a name that answered a public address to the URL check and loopback to the connection", async () => {
    const internal = await listen("127.0.0.1");
    const dns = rebindingResolver({ "ghe.rebind.example": ["140.82.112.3", "127.0.0.1"] });
    const url = `http://ghe.rebind.example:${internal.port}/api/v3/meta`;

    const verdict = await checkOutboundUrl(url, { lookup: dns.lookup });
    expect(verdict).toMatchObject({ ok: true, addresses: ["140.82.112.3"] });

    const fetch = createGuardedFetch({ lookup: dns.lookup });
    const refused = await refusal(fetch(url));
    expect(refused).toMatchObject({ code: NON_PUBLIC_ADDRESS, hostname: "ghe.rebind.example", address: "127.0.0.1" });
    expect(refused.message).toContain("ghe.rebind.example resolved to 127.0.0.1 when connecting");
    expect(refused.message).toContain("loopback (127.0.0.0/8)");
    expect(dns.asked).toEqual(["ghe.rebind.example", "ghe.rebind.example"]);
    expect(internal.hits).toEqual([]);
  });

  it("refuses when any of several addresses is private, so a fallback cannot reach it", async () => {
    const internal = await listen("127.0.0.1");
    const lookup = async (): Promise<ResolvedAddress[]> => [
      { address: "140.82.112.3", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    const refused = await refusal(createGuardedFetch({ lookup })(`http://mixed.example:${internal.port}/`));
    expect(refused.address).toBe("127.0.0.1");
    expect(internal.hits).toEqual([]);
  });

  it.each([
    ["an IP literal", (port: number) => `http://127.0.0.1:${port}/`, "127.0.0.1", /loopback/],
    ["localhost", (port: number) => `http://localhost:${port}/`, "127.0.0.1", /loopback/],
  ])("refuses %s with the system resolver", async (_, url, address, label) => {
    const internal = await listen("127.0.0.1");
    const refused = await refusal(createGuardedFetch()(url(internal.port)));
    expect(refused.address).toBe(address);
    expect(refused.message).toMatch(label);
    expect(internal.hits).toEqual([]);
  });

  it("refuses IPv6 loopback, literal or resolved, and IPv4 hidden in IPv6", async () => {
    const literal = await refusal(createGuardedFetch()("http://[::1]:8080/"));
    expect(literal).toMatchObject({ address: "::1", range: { label: "loopback" } });
    const lookup = async (): Promise<ResolvedAddress[]> => [{ address: "::ffff:169.254.169.254", family: 6 }];
    const mapped = await refusal(createGuardedFetch({ lookup })("http://metadata.rebind.example/"));
    expect(mapped.message).toContain("cloud metadata endpoint (IPv4-mapped IPv6 form)");
  });

  it("fails like a lookup failure when the resolver throws", async () => {
    const lookup = (): Promise<ResolvedAddress[]> => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" });
    };
    const error = await createGuardedFetch({ lookup })("http://nowhere.example/").then(
      () => null,
      (e: unknown) => e as Error & { cause?: { code?: string } },
    );
    expect(error?.cause?.code).toBe("ENOTFOUND");
  });

  it("connects to the address the resolver gave when it is allowed, sending the original Host", async () => {
    const server = await listen("127.0.0.1");
    const dns = rebindingResolver({ "ghe.allowed.example": ["127.0.0.1"] });
    const fetch = createGuardedFetch({ lookup: dns.lookup, classify: loopbackIsPublic });
    const response = await fetch(`http://ghe.allowed.example:${server.port}/api/v3/meta`);
    expect(await response.text()).toBe("reached");
    expect(server.hits).toEqual([`GET ghe.allowed.example:${server.port}/api/v3/meta`]);
    expect(dns.asked).toEqual(["ghe.allowed.example"]);
  });

  it("refuses a redirect to a private address, by name or by literal", async () => {
    const internal = await listen("127.0.0.2");
    const byName = await listen("127.0.0.1", () => `http://metadata.rebind.example:${internal.port}/latest/meta-data/`);
    const byLiteral = await listen("127.0.0.1", () => `http://127.0.0.2:${internal.port}/latest/meta-data/`);
    const dns = rebindingResolver({ "metadata.rebind.example": ["127.0.0.2"] });
    const fetch = createGuardedFetch({ lookup: dns.lookup, classify: loopbackIsPublic });

    const viaName = await refusal(fetch(`${byName.url}/api/v3/meta`));
    expect(viaName).toMatchObject({ hostname: "metadata.rebind.example", address: "127.0.0.2" });
    const viaLiteral = await refusal(fetch(`${byLiteral.url}/api/v3/meta`));
    expect(viaLiteral).toMatchObject({ hostname: "127.0.0.2", address: "127.0.0.2" });

    expect(byName.hits).toEqual([`GET ${byName.url.slice(7)}/api/v3/meta`]);
    expect(byLiteral.hits).toEqual([`GET ${byLiteral.url.slice(7)}/api/v3/meta`]);
    expect(internal.hits).toEqual([]);
  });

  it("reaches private addresses only when the operator allows them", async () => {
    const server = await listen("127.0.0.1");
    const dns = rebindingResolver({ "ghe.internal.example": ["127.0.0.1"] });
    const fetch = createGuardedFetch({ allowPrivateNetworks: true, lookup: dns.lookup });
    expect(await (await fetch(`http://ghe.internal.example:${server.port}/`)).text()).toBe("reached");
    expect(await (await createGuardedFetch({ allowPrivateNetworks: true })(`${server.url}/x`)).text()).toBe("reached");
    expect(server.hits).toEqual([`GET ghe.internal.example:${server.port}/`, `GET 127.0.0.1:${server.port}/x`]);
  });
});
