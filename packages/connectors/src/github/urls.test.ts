import { describe, expect, it } from "vitest";
import { parseGitHubUrl, resolveGitHubEndpoints } from "./urls";

describe("GitHub endpoints", () => {
  it.each([
    [undefined, "https://api.github.com", "https://api.github.com/graphql", "https://github.com"],
    [
      "https://ghe.example.com/api/v3/",
      "https://ghe.example.com/api/v3",
      "https://ghe.example.com/api/graphql",
      "https://ghe.example.com",
    ],
    [
      "https://api.acme.ghe.com",
      "https://api.acme.ghe.com",
      "https://api.acme.ghe.com/graphql",
      "https://acme.ghe.com",
    ],
    ["http://127.0.0.1:9000", "http://127.0.0.1:9000", "http://127.0.0.1:9000/graphql", "http://127.0.0.1:9000"],
  ])("derives REST, GraphQL and web URLs from %s", (base, api, graphql, web) => {
    expect(resolveGitHubEndpoints(base)).toMatchObject({ apiBaseUrl: api, graphqlUrl: graphql, webBaseUrl: web });
  });
});

describe("Location target URLs", () => {
  it.each([
    [
      "https://github.com/acme/svc/blob/main/catalog-info.yaml",
      { owner: "acme", repo: "svc", ref: "main", path: "catalog-info.yaml", kind: "blob" },
    ],
    [
      "https://github.com/acme/svc/blob/v1.2.0/docs/api/openapi.yaml?plain=1#L10",
      { ref: "v1.2.0", path: "docs/api/openapi.yaml" },
    ],
    ["https://github.com/acme/svc/tree/main/services", { kind: "tree", path: "services" }],
    ["https://www.github.com/acme/svc/blob/main/a.yaml", { owner: "acme", path: "a.yaml" }],
    [
      "https://raw.githubusercontent.com/acme/svc/main/catalog/all.yaml",
      { ref: "main", path: "catalog/all.yaml", kind: "blob" },
    ],
    ["https://github.com/acme/svc/blob/main/my%20dir/c%C3%A4t.yaml", { path: "my dir/cät.yaml" }],
    // The URL parser resolves dot segments (also percent-encoded ones) before we see the path.
    ["https://github.com/acme/svc/blob/main/a/%2E%2E/b.yaml", { path: "b.yaml" }],
  ])("parses %s", (url, expected) => {
    const result = parseGitHubUrl(url);
    expect(result).toEqual({ ok: true, target: expect.objectContaining(expected) });
  });

  it("parses GitHub Enterprise Server blob and raw URLs on the integration's own host", () => {
    const web = "https://ghe.example.com";
    expect(parseGitHubUrl("https://ghe.example.com/platform/api/blob/release/catalog-info.yaml", web)).toEqual({
      ok: true,
      target: { owner: "platform", repo: "api", ref: "release", path: "catalog-info.yaml", kind: "blob" },
    });
    expect(parseGitHubUrl("https://GHE.example.com/platform/api/raw/main/x.yaml", web)).toMatchObject({
      ok: true,
      target: { path: "x.yaml", kind: "blob" },
    });
  });

  it.each([
    ["https://gitlab.com/acme/svc/blob/main/a.yaml", /not this integration's GitHub host/],
    ["https://github.com.evil.example/acme/svc/blob/main/a.yaml", /not this integration's GitHub host/],
    ["http://github.com/acme/svc/blob/main/a.yaml", /not this integration's GitHub host/],
    ["https://github.com/acme/svc", /does not name a file/],
    ["https://github.com/acme/svc/issues/1/x", /expected \/blob\/ or \/tree\//],
    ["https://github.com/acme/svc/blob/main", /names a repository, not a file/],
    ["https://github.com/acme/svc/blob/main/a%2Fb.yaml", /invalid path/],
    ["not a url", /not a URL/],
  ])("refuses %s", (url, reason) => {
    const result = parseGitHubUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
