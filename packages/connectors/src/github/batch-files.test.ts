import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../testing";
import { fetchFilesBatch, fetchLocationTargets } from "./batch-files";
import { createGitHubClient } from "./client";

const TOKEN = "github_pat_batch";
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("batched file reads", () => {
  it("reads 120 files across repositories in three GraphQL requests, in order", async () => {
    fake = await startFakeGitHub({
      tokens: { [TOKEN]: { login: "octocat" } },
      repositories: Array.from({ length: 40 }, (_, r) => ({
        name: `repo-${r}`,
        files: Object.fromEntries(
          Array.from({ length: 3 }, (_, f) => [`catalog/part-${f}.yaml`, `kind: Component # ${r}.${f}\n`]),
        ),
      })),
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const locations = Array.from({ length: 120 }, (_, i) => ({
      owner: "acme",
      repo: `repo-${i % 40}`,
      path: `catalog/part-${Math.floor(i / 40)}.yaml`,
    }));
    const results = await fetchFilesBatch(client, locations);
    expect(results.map((r) => (r.status === "ok" ? r.text : r.reason))).toEqual(
      locations.map((l) => `kind: Component # ${l.repo.slice(5)}.${l.path.slice(13, 14)}\n`),
    );
    expect(results[0]).toMatchObject({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), fromCache: false });
    expect(fake.requests.map((r) => r.operation)).toEqual([
      "StagedoorFetchFiles",
      "StagedoorFetchFiles",
      "StagedoorFetchFiles",
    ]);
  });

  it("follows Location targets with per-target problems for foreign hosts, folders and missing files", async () => {
    fake = await startFakeGitHub({
      tokens: { [TOKEN]: { login: "octocat" } },
      blobTextLimitBytes: 1024,
      repositories: [
        {
          name: "svc",
          files: {
            "api/openapi.yaml": "openapi: 3.1.0\n",
            "docs/index.md": "# docs",
            "big.yaml": `# ${"y".repeat(4000)}\n`,
          },
        },
      ],
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const web = fake.webUrl;
    const results = await fetchLocationTargets(client, [
      `${web}/acme/svc/blob/main/api/openapi.yaml`,
      "https://gitlab.example.com/acme/svc/-/blob/main/x.yaml",
      `${web}/acme/svc/tree/main/docs`,
      `${web}/acme/svc/blob/main/missing.yaml`,
      `${web}/acme/gone/blob/main/catalog-info.yaml`,
      `${web}/acme/svc/blob/no-such-branch/api/openapi.yaml`,
      `${web}/acme/svc/blob/main/docs`,
      `${web}/acme/svc/blob/main/big.yaml`,
    ]);
    expect(results.map((r) => (r.status === "ok" ? "ok" : r.reason))).toEqual([
      "ok",
      "unsupported-target",
      "not-a-file",
      "not-found",
      "not-found",
      "not-found",
      "not-a-file",
      "ok",
    ]);
    expect(results[0]).toMatchObject({ text: "openapi: 3.1.0\n", url: `${web}/acme/svc/blob/main/api/openapi.yaml` });
    expect(results[7]).toMatchObject({ text: `# ${"y".repeat(4000)}\n` });
    // One batch for the six GitHub targets, one REST read for the truncated file.
    expect(fake.requests.map((r) => r.operation ?? r.path)).toEqual([
      "StagedoorFetchFiles",
      "/repos/acme/svc/contents/big.yaml?ref=main",
    ]);
  });
});
