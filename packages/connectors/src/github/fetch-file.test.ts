import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../testing";
import { createGitHubClient } from "./client";
import { createMemoryEtagCache, fetchFileContent, fetchLocationTarget } from "./fetch-file";

const TOKEN = "github_pat_files";
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup() {
  fake = await startFakeGitHub({
    tokens: { [TOKEN]: { login: "octocat" } },
    repositories: [
      {
        name: "svc",
        files: {
          "catalog-info.yaml": "kind: Location\n",
          "docs/api.yaml": "\uFEFFkind: API\n",
          "logo.png": new Uint8Array([0x89, 0x50, 0, 1]),
          "latin1.yaml": new Uint8Array([0x6b, 0x3a, 0x20, 0xe9, 0x0a]),
          "huge.yaml": "x".repeat(2 * 1024 * 1024),
        },
      },
    ],
  });
  return {
    fake,
    client: createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    ),
  };
}

describe("fetching one file", () => {
  it("answers a repeated request from the ETag cache with a free 304", async () => {
    const { client, fake } = await setup();
    const etagCache = createMemoryEtagCache();
    const first = await fetchFileContent(
      client,
      { owner: "acme", repo: "svc", path: "catalog-info.yaml" },
      { etagCache },
    );
    expect(first).toMatchObject({ status: "ok", text: "kind: Location\n", fromCache: false });
    const before = fake.rateLimit().remaining;
    const second = await fetchFileContent(
      client,
      { owner: "acme", repo: "svc", path: "catalog-info.yaml" },
      { etagCache },
    );
    expect(second).toMatchObject({ status: "ok", text: "kind: Location\n", fromCache: true });
    expect(fake.rateLimit().remaining).toBe(before);
    expect(fake.requests.map((r) => r.notModified)).toEqual([false, true]);

    fake.setFile("svc", "catalog-info.yaml", "kind: Component\n");
    expect(
      await fetchFileContent(client, { owner: "acme", repo: "svc", path: "catalog-info.yaml" }, { etagCache }),
    ).toMatchObject({ text: "kind: Component\n", fromCache: false });
  });

  it("reports missing, binary, non-UTF-8, oversize and directory paths as results", async () => {
    const { client } = await setup();
    const get = (path: string, ref?: string) => fetchFileContent(client, { owner: "acme", repo: "svc", path, ref });
    expect(await get("nope.yaml")).toMatchObject({ status: "error", reason: "not-found" });
    expect(await get("catalog-info.yaml", "no-such-branch")).toMatchObject({
      status: "error",
      reason: "not-found",
      message: expect.stringContaining("no-such-branch"),
    });
    expect(await get("logo.png")).toMatchObject({ status: "error", reason: "binary" });
    expect(await get("latin1.yaml")).toMatchObject({
      status: "error",
      reason: "binary",
      message: expect.stringContaining("UTF-8"),
    });
    expect(await get("huge.yaml")).toMatchObject({ status: "error", reason: "too-large", byteSize: 2 * 1024 * 1024 });
    expect(await get("docs")).toMatchObject({ status: "error", reason: "not-a-file" });
    expect(await get("docs/api.yaml")).toMatchObject({ status: "ok", text: "kind: API\n" });
  });

  it("follows a renamed repository's redirect", async () => {
    const { client, fake } = await setup();
    fake.renameRepository("svc", "service");
    expect(await fetchFileContent(client, { owner: "acme", repo: "svc", path: "catalog-info.yaml" })).toMatchObject({
      status: "ok",
      text: "kind: Location\n",
    });
  });

  it("follows Location targets on the same GitHub host only", async () => {
    const { client, fake } = await setup();
    expect(await fetchLocationTarget(client, `${fake.webUrl}/acme/svc/blob/main/docs/api.yaml`)).toMatchObject({
      status: "ok",
      text: "kind: API\n",
    });
    expect(await fetchLocationTarget(client, "https://github.com/acme/svc/blob/main/docs/api.yaml")).toMatchObject({
      status: "error",
      reason: "unsupported-target",
    });
    expect(await fetchLocationTarget(client, `${fake.webUrl}/acme/svc/tree/main/docs`)).toMatchObject({
      status: "error",
      reason: "not-a-file",
    });
    expect(fake.requestCount).toBe(1);
  });
});
