import { describe, expect, it } from "vitest";
import { sameOriginFetch } from "./outbound-fetch";

function server(routes: Record<string, { status: number; location?: string }>) {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    const route = routes[url] ?? { status: 200 };
    return new Response(route.status === 200 ? "ok" : null, {
      status: route.status,
      headers: route.location ? { location: route.location } : {},
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("sameOriginFetch", () => {
  it("follows redirects within the GitHub host", async () => {
    const s = server({
      "https://ghe.example.com/api/v3/repos/a/old": { status: 301, location: "/api/v3/repositories/7" },
    });
    const response = await sameOriginFetch(
      "https://ghe.example.com/api/v3",
      s.fetch,
    )("https://ghe.example.com/api/v3/repos/a/old");
    expect(response.status).toBe(200);
    expect(s.calls).toEqual([
      "https://ghe.example.com/api/v3/repos/a/old",
      "https://ghe.example.com/api/v3/repositories/7",
    ]);
  });

  it("refuses a redirect to another host, such as a metadata address", async () => {
    const s = server({
      "https://ghe.example.com/api/v3/user": { status: 302, location: "http://169.254.169.254/latest/meta-data" },
    });
    await expect(
      sameOriginFetch("https://ghe.example.com/api/v3", s.fetch)("https://ghe.example.com/api/v3/user"),
    ).rejects.toThrow(/not followed/);
    expect(s.calls).toHaveLength(1);
  });
});
