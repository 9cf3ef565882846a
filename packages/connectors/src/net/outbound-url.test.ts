import { describe, expect, it } from "vitest";
import { checkOutboundUrl, type ResolvedAddress } from "./outbound-url";

const resolver =
  (table: Record<string, string[]>) =>
  async (host: string): Promise<ResolvedAddress[]> => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("outbound URL guard", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", /cloud metadata/],
    ["http://[::ffff:169.254.169.254]/", /cloud metadata .*IPv4-mapped/],
    ["http://[::ffff:127.0.0.1]/api/v3", /loopback .*IPv4-mapped/],
    ["http://[0:0:0:0:0:ffff:7f00:1]/", /loopback/],
    ["http://0x7f000001/", /loopback/],
    ["http://2130706433/", /loopback/],
    ["http://0177.0.0.1/", /loopback/],
    ["http://127.1/", /loopback/],
    ["https://10.1.2.3/api/v3", /private network/],
    ["https://172.31.255.255/", /private network/],
    ["https://192.168.0.10/", /private network/],
    ["https://100.64.0.1/", /carrier-grade NAT/],
    ["http://0.0.0.0/", /unspecified/],
    ["http://[::]/", /unspecified/],
    ["http://[::1]/", /loopback/],
    ["http://[fd00:ec2::254]/", /unique local/],
    ["http://[fe80::1]/", /link-local/],
    ["http://[64:ff9b::a9fe:a9fe]/", /cloud metadata .*NAT64/],
    ["http://[2002:7f00:1::]/", /loopback .*6to4/],
    ["http://224.0.0.1/", /multicast/],
  ])("refuses %s", async (url, reason) => {
    const verdict = await checkOutboundUrl(url, { lookup: resolver({}) });
    expect(verdict).toMatchObject({ ok: false, code: "non-public-address" });
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it.each(["http://localhost:3000", "http://LOCALHOST./", "https://api.localhost/", "http://ip6-localhost/"])(
    "refuses the local name %s without asking DNS",
    async (url) => {
      const verdict = await checkOutboundUrl(url, { lookup: () => Promise.reject(new Error("DNS must not be asked")) });
      expect(verdict).toMatchObject({ ok: false, code: "local-hostname" });
    },
  );

  it("refuses names that resolve to private addresses, even when only one of several does", async () => {
    const lookup = resolver({
      "ghe.internal.example": ["10.0.0.5"],
      "mixed.example": ["140.82.112.3", "127.0.0.1"],
      "metadata.google.internal": ["169.254.169.254"],
    });
    expect(await checkOutboundUrl("https://ghe.internal.example/api/v3", { lookup })).toMatchObject({
      ok: false,
      address: "10.0.0.5",
      reason: expect.stringContaining("resolves to 10.0.0.5"),
    });
    expect(await checkOutboundUrl("https://mixed.example/", { lookup })).toMatchObject({
      ok: false,
      address: "127.0.0.1",
    });
    expect(await checkOutboundUrl("http://metadata.google.internal/", { lookup })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("metadata"),
    });
  });

  it("accepts public hosts and reports what they resolve to", async () => {
    const lookup = resolver({ "github.example.com": ["140.82.112.3", "2606:50c0:8000::153"] });
    const verdict = await checkOutboundUrl("https://github.example.com/api/v3", { lookup });
    expect(verdict).toMatchObject({ ok: true, addresses: ["140.82.112.3", "2606:50c0:8000::153"] });
    expect(await checkOutboundUrl("https://140.82.112.3/api/v3", { lookup })).toMatchObject({ ok: true });
  });

  it("refuses other schemes, embedded credentials, garbage and unresolvable names", async () => {
    const lookup = resolver({});
    expect(await checkOutboundUrl("file:///etc/passwd", { lookup })).toMatchObject({
      ok: false,
      code: "unsupported-protocol",
    });
    expect(await checkOutboundUrl("gopher://example.com/", { lookup })).toMatchObject({
      ok: false,
      code: "unsupported-protocol",
    });
    expect(await checkOutboundUrl("https://user:pass@github.example.com/", { lookup })).toMatchObject({
      ok: false,
      code: "credentials-in-url",
    });
    expect(await checkOutboundUrl("github.example.com", { lookup })).toMatchObject({ ok: false, code: "invalid-url" });
    expect(await checkOutboundUrl("https://nowhere.example/", { lookup })).toMatchObject({
      ok: false,
      code: "unresolvable",
      reason: expect.stringContaining("ENOTFOUND"),
    });
  });

  it("allows private targets only when the operator says so", async () => {
    expect(await checkOutboundUrl("http://127.0.0.1:8080/api/v3", { allowPrivateNetworks: true })).toMatchObject({
      ok: true,
    });
    expect(await checkOutboundUrl("ftp://127.0.0.1/", { allowPrivateNetworks: true })).toMatchObject({
      ok: false,
      code: "unsupported-protocol",
    });
  });
});
