import { describe, expect, it } from "vitest";
import { tenantPath, tenantSlugOfHost } from "./tenant-host";

describe("tenant hosts", () => {
  it("maps {slug}.{BASE_DOMAIN} to the slug, and nothing else", () => {
    expect(tenantSlugOfHost("acme.portal.test", "portal.test")).toBe("acme");
    expect(tenantSlugOfHost("ACME.portal.test:3000", "portal.test")).toBe("acme");
    expect(tenantSlugOfHost("portal.test", "portal.test")).toBeNull();
    expect(tenantSlugOfHost("www.portal.test", "portal.test")).toBeNull();
    expect(tenantSlugOfHost("a.b.portal.test", "portal.test")).toBeNull();
    expect(tenantSlugOfHost("acme.evil-portal.test", "portal.test")).toBeNull();
    expect(tenantSlugOfHost("acme.portal.test", undefined)).toBeNull();
  });

  it("serves the org's own pages and global routes, and never another org's pages", () => {
    expect(tenantPath("acme", "/")).toBe("/acme");
    expect(tenantPath("acme", "/catalog")).toBe("/acme/catalog");
    expect(tenantPath("acme", "/acme/catalog")).toBe("/acme/catalog");
    expect(tenantPath("acme", "/globex/catalog")).toBe("/acme/globex/catalog");
    expect(tenantPath("acme", "/sign-in")).toBe("/sign-in");
    expect(tenantPath("acme", "/api/trpc/org.get")).toBe("/api/trpc/org.get");
  });
});
