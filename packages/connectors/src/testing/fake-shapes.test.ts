import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./fake-github";

// Recorded real GitHub responses: the fake must answer with at least the same fields and headers.
type Recorded = { method: string; path: string; status: number; headers: Record<string, string>; response: unknown };
const require = createRequire(import.meta.url);
const scenario = (name: string): Recorded[] =>
  require(`@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`) as Recorded[];

function keyPaths(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => [`${prefix}${key}`, ...keyPaths(v, `${prefix}${key}.`)]);
}

const TOKEN = "github_pat_shapes";
let fake: FakeGitHub;
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${fake.url}${path}`, { headers: { authorization: `token ${TOKEN}`, ...headers }, redirect: "manual" });

beforeAll(async () => {
  fake = await startFakeGitHub({
    tokens: { [TOKEN]: { login: "octokit-fixture-user-a" } },
    repositories: [
      { name: "hello-world", private: false, topics: ["hello"], files: { "README.md": "# hello-world" } },
      ...Array.from({ length: 5 }, (_, i) => ({ name: `paginate-${i}` })),
    ],
  });
});
afterAll(() => fake.close());

describe("fake GitHub response shapes", () => {
  it("answers GET /repos/{owner}/{repo} with every field GitHub records", async () => {
    const [recorded] = scenario("get-repository");
    const body = await (await get("/repos/acme/hello-world")).json();
    const missing = keyPaths(recorded?.response).filter((k) => !keyPaths(body).includes(k));
    expect(missing).toEqual([]);
  });

  it("answers file contents with GitHub's content object fields", async () => {
    const [recorded] = scenario("create-file");
    const content = (recorded?.response as { content: unknown }).content;
    const body = (await (await get("/repos/acme/hello-world/contents/README.md")).json()) as { content: string };
    expect(keyPaths(content).filter((k) => !keyPaths(body).includes(k))).toEqual([]);
    expect(Buffer.from(body.content, "base64").toString()).toBe("# hello-world");
  });

  it("sends GitHub's rate-limit, media-type and ETag headers, and 304 for a matching If-None-Match", async () => {
    const [recorded] = scenario("get-repository");
    const response = await get("/repos/acme/hello-world");
    for (const name of [
      "x-ratelimit-limit",
      "x-ratelimit-remaining",
      "x-ratelimit-reset",
      "x-ratelimit-used",
      "x-ratelimit-resource",
      "x-github-media-type",
      "x-github-request-id",
      "etag",
      "content-type",
    ]) {
      expect(recorded?.headers).toHaveProperty(name);
      expect(response.headers.get(name), name).not.toBeNull();
    }
    const again = await get("/repos/acme/hello-world", { "if-none-match": response.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
  });

  it("paginates with GitHub's Link header format and answers errors and renames like GitHub", async () => {
    const [recordedPage] = scenario("paginate-issues");
    const linkFormat =
      /^<[^>]+[?&]page=\d+[^>]*>; rel="(next|prev|last|first)"(, <[^>]+>; rel="(next|prev|last|first)")*$/;
    expect(recordedPage?.headers.link).toMatch(linkFormat);
    expect((await get("/orgs/acme/repos?per_page=2&page=2")).headers.get("link")).toMatch(linkFormat);

    const recordedError = scenario("branch-protection").find((r) => r.status === 404);
    const notFound = await get("/repos/acme/missing");
    expect(notFound.status).toBe(404);
    expect(Object.keys((await notFound.json()) as object)).toEqual(
      expect.arrayContaining(Object.keys(recordedError?.response as object)),
    );

    const recordedMove = scenario("rename-repository").find((r) => r.status === 301);
    fake.renameRepository("paginate-0", "paginate-renamed");
    const moved = await get("/repos/acme/paginate-0");
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toMatch(/\/repositories\/\d+$/);
    expect(Object.keys((await moved.json()) as object)).toEqual(
      expect.arrayContaining(Object.keys(recordedMove?.response as object)),
    );
  });
});
