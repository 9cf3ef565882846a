import { test, expect } from "@playwright/test";
import { signIn, uid } from "./helpers";

// Callback URLs that a prefix check lets through but that browsers (and URL parsers,
// which drop tabs and newlines) resolve to another host.
const BYPASSES = [
  "/\t/evil.example/",
  "/\n/evil.example/",
  "/\r/evil.example/",
  "/\t\\evil.example/",
  "/\\evil.example/",
];

test("the development sign-in never redirects off the site", async ({ request, baseURL }) => {
  for (const callbackUrl of BYPASSES) {
    const res = await request.post("/api/dev/sign-in", {
      form: { email: `redirect-${uid()}@example.test`, callbackUrl },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    const location = new URL(res.headers()["location"]!, baseURL);
    expect(location.origin, JSON.stringify(callbackUrl)).toBe(new URL(baseURL!).origin);
  }
});

test("the sign-in page sends a signed-in user to this site only", async ({ page, baseURL }) => {
  await signIn(page, `redirect-${uid()}@example.test`);
  for (const callbackUrl of BYPASSES) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(new URL(page.url()).origin, JSON.stringify(callbackUrl)).toBe(new URL(baseURL!).origin);
  }
});
