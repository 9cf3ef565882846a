import { describe, it, expect } from "vitest";
import { API_CSP, requestIsHttps, securityHeaders } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("securityHeaders", () => {
  it("gives pages a nonce-based script policy that forbids framing", () => {
    const h = securityHeaders({ nonce: "abc123", https: false, dev: false });
    const csp = directives(h["Content-Security-Policy"]!);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    // No way around the nonce for scripts.
    expect(h["Content-Security-Policy"]).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(h).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("sends HSTS (and upgrades mixed content) on https only", () => {
    expect(securityHeaders({ nonce: "n", https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
    const https = securityHeaders({ nonce: "n", https: true, dev: false });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toMatch(/; upgrade-insecure-requests$/);
  });

  it("gives API responses a policy that loads and frames nothing", () => {
    const h = securityHeaders({ nonce: null, https: true, dev: false });
    expect(h["Content-Security-Policy"]).toBe(API_CSP);
    expect(directives(API_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_CSP).get("frame-ancestors")).toEqual(["'none'"]);
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Strict-Transport-Security"]).toBeDefined();
  });

  it("allows eval only for next dev", () => {
    const dev = directives(securityHeaders({ nonce: "n", https: false, dev: true })["Content-Security-Policy"]!);
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("requestIsHttps", () => {
  it.each([
    ["https://portal.example/x", null, true],
    ["http://portal.example/x", "https", true],
    ["http://portal.example/x", "HTTPS, http", true],
    ["http://portal.example/x", "http", false],
    ["http://portal.example/x", null, false],
  ])("%s with X-Forwarded-Proto %j → %s", (url, proto, expected) => {
    expect(requestIsHttps(new URL(url), proto)).toBe(expected);
  });
});
