import { test, expect } from "@playwright/test";

// The headers of src/lib/security-headers.ts, as the built app sends them.
test.describe("security headers", () => {
  test("a page gets a nonce CSP that its own scripts satisfy, and the other headers", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto("/sign-in");
    const h = res!.headers();
    const csp = h["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Plain http here: no HSTS.
    expect(h["strict-transport-security"]).toBeUndefined();
    // Next put this response's nonce on its inline scripts, and React hydrated the page
    // under the policy (hydrated elements carry React's fiber properties).
    expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
    const button = page.getByRole("button", { name: "Sign in", exact: true });
    await expect
      .poll(() => button.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber"))))
      .toBe(true);
    const second = await page.request.get("/sign-in");
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    expect(violations).toEqual([]);
  });

  test("an API route gets the API policy, and HSTS behind an https proxy", async ({ request }) => {
    const res = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    const h = res.headers();
    expect(h["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });
});
