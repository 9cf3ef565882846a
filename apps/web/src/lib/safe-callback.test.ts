import { describe, it, expect } from "vitest";
import { safeCallback } from "./safe-callback";

describe("safeCallback", () => {
  it.each([
    ["/acme/members?x=1", "/acme/members?x=1"],
    ["/", "/"],
    ["/acme/catalog?tag=a%20b#links", "/acme/catalog?tag=a%20b#links"],
    ["/acme/../orgs", "/orgs"],
    ["/acme/catalog/component/default/café", "/acme/catalog/component/default/caf%C3%A9"],
  ])("keeps the path %s on this site (as %s)", (url, expected) => {
    expect(safeCallback(url)).toBe(expected);
  });

  // Each of these resolves (in a browser, or after one round of decoding) to another
  // origin, or is not a path at all.
  it.each([
    undefined,
    null,
    "",
    "https://evil.example/",
    "http:evil.example",
    "https:evil.example",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "/\t\\evil.example",
    "/\\\tevil.example",
    "/ /evil.example".replace(" ", "\u0000"),
    "/\u007f/evil.example",
    "/\u2028/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0D/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%5c%5cevil.example",
    "%2F%2Fevil.example",
    " //evil.example",
    "javascript:alert(1)",
    "evil.example",
  ])("sends %j home instead", (url) => {
    expect(safeCallback(url)).toBe("/");
  });

  it("never returns anything a browser resolves off the site", () => {
    const site = "https://portal.example";
    const attempts = ["/\t/a.example", "/\\/a.example", "/%09%2F/a.example", "///a.example", "/.//a.example"];
    for (const attempt of attempts) {
      expect(new URL(safeCallback(attempt), site).origin).toBe(site);
    }
  });
});
