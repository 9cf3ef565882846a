import { createHash, generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { component } from "@stagedoor/catalog/testing";
import {
  createManualClock,
  generateOrg,
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type FakeRepositorySpec,
} from "../testing";
import { fetchLocationTargets } from "./batch-files";
import { createGitHubClient, type GitHubClientOptions } from "./client";
import { discoverRepositories, discoverRepositoryPages, DiscoveryError } from "./discover";
import type { DiscoveredRepository } from "./discover-query";
import { RateLimitedError } from "./errors";
import { compareDiscoveries } from "./repository-changes";

const TOKEN = "github_pat_discovery";
let fake: FakeGitHub | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeGitHubOptions = {}, clientOptions: GitHubClientOptions = {}) {
  const clock = createManualClock();
  fake = await startFakeGitHub({ tokens: { [TOKEN]: { login: "octocat" } }, now: clock.now, ...options });
  const client = createGitHubClient(
    { type: "token", token: TOKEN },
    { baseUrl: fake.url, outbound: { allowPrivateNetworks: true }, clock, ...clientOptions },
  );
  return { fake, client, clock };
}

const byName = (repos: DiscoveredRepository[]) => new Map(repos.map((r) => [r.name, r]));

describe("repository discovery", () => {
  it("pages through more than 100 repositories with one GraphQL request per page", async () => {
    const repositories = Array.from({ length: 250 }, (_, i): FakeRepositorySpec => ({
      name: `svc-${String(i).padStart(3, "0")}`,
      archived: i === 3,
      fork: i === 4,
      topics: i === 5 ? ["payments", "java"] : [],
      defaultBranch: i === 6 ? "trunk" : "main",
      files: i % 2 === 0 ? { "catalog-info.yaml": component(`svc-${i}`) } : undefined,
    }));
    const { client, fake } = await setup({ repositories });
    const result = await discoverRepositories(client, { owner: "acme" });

    expect(result.totalCount).toBe(250);
    expect(result.repositories.map((r) => r.name)).toEqual(repositories.map((r) => r.name));
    expect(fake.requests.map((r) => r.operation)).toEqual(Array(3).fill("StagedoorDiscoverRepositories"));
    const repos = byName(result.repositories);
    expect(repos.get("svc-003")?.isArchived).toBe(true);
    expect(repos.get("svc-004")?.isFork).toBe(true);
    expect(repos.get("svc-005")?.topics).toEqual(["payments", "java"]);
    expect(repos.get("svc-006")?.defaultBranch).toBe("trunk");
    const text = component("svc-0");
    expect(repos.get("svc-000")?.catalogFiles).toEqual([
      {
        status: "ok",
        path: "catalog-info.yaml",
        url: `${fake.url}/acme/svc-000/blob/main/catalog-info.yaml`,
        text,
        byteSize: text.length,
        sha: createHash("sha1").update(`blob ${text.length}\0${text}`).digest("hex"),
      },
    ]);
    expect(repos.get("svc-001")?.catalogFiles).toEqual([]);
    expect(result.repositories.filter((r) => r.catalogFiles.length > 0)).toHaveLength(125);
  });

  it("discovers 2,000 repositories (30% with catalog files) and follows their Location targets in at most 0.05 requests per repository", async () => {
    const { client, fake } = await setup();
    const org = generateOrg({ repositories: 2000, catalogRatio: 0.3, locationRatio: 0.1, webBaseUrl: fake.webUrl });
    for (const user of org.users) fake.state.ensureUser(user);
    for (const team of org.teams) fake.addTeam(team);
    for (const repo of org.repositories) fake.createRepository(repo);

    const result = await discoverRepositories(client, { owner: "acme" });
    expect(result.repositories).toHaveLength(2000);
    const catalogFiles = result.repositories.flatMap((r) => r.catalogFiles).filter((f) => f.status === "ok");
    expect(catalogFiles).toHaveLength(600);
    expect(fake.requestCount).toBe(20);

    const targets = catalogFiles.flatMap((f) =>
      [...f.text.matchAll(/^\s*target: (\S+)$/gm)].map((m) => m[1] as string),
    );
    expect(targets).toHaveLength(60);
    const followed = await fetchLocationTargets(client, targets);
    expect(followed.map((f) => f.status === "ok" && f.text.includes("kind: Component"))).toEqual(
      targets.map(() => true),
    );

    expect(client.stats().requests).toBe(fake.requestCount);
    expect(fake.requestCount).toBe(22);
    expect(fake.requestCount / 2000).toBeLessThanOrEqual(0.05);
  });

  it("reports oversize, binary and directory catalog paths per file, passes malformed YAML through, and re-reads truncated blobs by REST", async () => {
    const medium = `# padding\n${"x".repeat(600 * 1024)}\n`;
    const { client, fake } = await setup({
      repositories: [
        { name: "big", files: { "catalog-info.yaml": `a: ${"b".repeat(2 * 1024 * 1024)}` } },
        { name: "binary", files: { "catalog-info.yaml": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) } },
        { name: "folder", files: { "catalog-info.yaml/readme.md": "oops" } },
        { name: "malformed", files: { "catalog-info.yaml": "kind: Component\nmetadata: [unclosed\n" } },
        { name: "medium", files: { "catalog-info.yaml": medium } },
      ],
    });
    const result = await discoverRepositories(client, { owner: "acme" });
    const repos = byName(result.repositories);

    expect(repos.get("big")?.catalogFiles[0]).toMatchObject({
      status: "error",
      reason: "too-large",
      byteSize: 2 * 1024 * 1024 + 3,
    });
    expect(repos.get("big")?.catalogFiles[0]).not.toHaveProperty("text");
    expect(repos.get("binary")?.catalogFiles[0]).toMatchObject({ status: "error", reason: "binary" });
    expect(repos.get("folder")?.catalogFiles[0]).toMatchObject({
      status: "error",
      reason: "not-a-file",
      message: expect.stringContaining("directory"),
    });
    // YAML problems are the catalog pipeline's to report with line and column: the text arrives intact.
    expect(repos.get("malformed")?.catalogFiles[0]).toMatchObject({
      status: "ok",
      text: "kind: Component\nmetadata: [unclosed\n",
    });
    expect(repos.get("medium")?.catalogFiles[0]).toMatchObject({ status: "ok", text: medium, byteSize: medium.length });
    expect(fake.requests.map((r) => r.operation ?? r.path)).toEqual([
      "StagedoorDiscoverRepositories",
      "/repos/acme/medium/contents/catalog-info.yaml",
    ]);
  });

  it("looks up every configured catalog path and the first CODEOWNERS in GitHub's order", async () => {
    const { client } = await setup({
      repositories: [
        {
          name: "multi",
          files: {
            "catalog-info.yaml": component("a"),
            "backstage/api.yaml": component("b"),
            ".github/CODEOWNERS": "* @acme/platform\n",
            CODEOWNERS: "* @acme/ignored\n",
          },
        },
        { name: "docs-owners", files: { "docs/CODEOWNERS": "* @alice\n" } },
      ],
    });
    const result = await discoverRepositories(client, {
      owner: "acme",
      catalogPaths: ["catalog-info.yaml", "backstage/api.yaml", "missing.yaml"],
    });
    const repos = byName(result.repositories);
    expect(repos.get("multi")?.catalogFiles.map((f) => f.path)).toEqual(["catalog-info.yaml", "backstage/api.yaml"]);
    expect(repos.get("multi")?.codeowners).toMatchObject({ path: ".github/CODEOWNERS", text: "* @acme/platform\n" });
    expect(repos.get("docs-owners")?.codeowners).toMatchObject({ path: "docs/CODEOWNERS", text: "* @alice\n" });
    await expect(
      discoverRepositories(client, { owner: "acme", catalogPaths: ["../etc/passwd"] }),
    ).rejects.toBeInstanceOf(DiscoveryError);
  });

  it("tells renamed repositories apart from deleted and new ones between two discoveries", async () => {
    const { client, fake } = await setup({
      repositories: [{ name: "alpha" }, { name: "beta" }, { name: "gamma" }, { name: "delta" }],
    });
    const first = await discoverRepositories(client, { owner: "acme" });
    fake.renameRepository("alpha", "alpha-renamed");
    fake.deleteRepository("beta");
    fake.setArchived("gamma", true);
    fake.createRepository({ name: "epsilon", files: { "catalog-info.yaml": component("epsilon") } });
    const second = await discoverRepositories(client, { owner: "acme" });

    const changes = compareDiscoveries(first.repositories, second.repositories);
    expect(changes.renamed.map((r) => [r.from, r.to])).toEqual([["acme/alpha", "acme/alpha-renamed"]]);
    expect(changes.removed.map((r) => r.nameWithOwner)).toEqual(["acme/beta"]);
    expect(changes.added.map((r) => r.nameWithOwner)).toEqual(["acme/epsilon"]);
    expect(changes.archived.map((r) => r.nameWithOwner)).toEqual(["acme/gamma"]);
    expect(changes.added[0]?.catalogFiles[0]?.status).toBe("ok");
  });

  it("waits out an exhausted GraphQL budget and resumes without sending doomed requests", async () => {
    const { client, fake, clock } = await setup({
      repositories: Array.from({ length: 500 }, (_, i) => ({ name: `r${i}` })),
      graphqlRateLimit: { limit: 2, windowMs: 20_000 },
    });
    const result = await discoverRepositories(client, { owner: "acme" });
    expect(result.repositories).toHaveLength(500);
    expect(fake.requestCount).toBe(5);
    expect(fake.requests.filter((r) => r.rateLimited)).toEqual([]);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("stops with RateLimitedError when the reset is far away; a later run resumes from the last page's cursor, renames in between included", async () => {
    const names = Array.from({ length: 300 }, (_, i) => `r${String(i).padStart(3, "0")}`);
    const { client, fake, clock } = await setup({
      repositories: names.map((name) => ({ name })),
      graphqlRateLimit: { limit: 2, windowMs: 3_600_000 },
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    const error = await (async () => {
      for await (const page of discoverRepositoryPages(client, { owner: "acme" })) {
        seen.push(...page.repositories.map((r) => r.name));
        cursor = page.cursor;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(seen).toHaveLength(200);
    expect(fake.requestCount).toBe(2);

    // Renames while the job waits move repositories in name order, not in creation order.
    fake.renameRepository("r250", "a-renamed-later");
    fake.renameRepository("r010", "zz-renamed-seen");
    clock.advance((error as RateLimitedError).resetAt.getTime() - clock.now());
    const rest = await discoverRepositories(client, { owner: "acme", after: cursor });
    expect([...seen, ...rest.repositories.map((r) => r.name)]).toEqual(
      names.map((n) => (n === "r250" ? "a-renamed-later" : n)),
    );
    expect(fake.requestCount).toBe(3);
  });

  it("lists an App installation's selected repositories with one REST and one GraphQL request per page", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const names = Array.from({ length: 150 }, (_, i) => `app-${String(i).padStart(3, "0")}`);
    fake = await startFakeGitHub({
      repositories: [
        ...names.map((name) => ({ name, files: { "catalog-info.yaml": component(name) } })),
        { name: "hidden" },
      ],
      app: { id: 1, privateKey, installations: [{ id: 2, repositorySelection: "selected", repositories: names }] },
    });
    const client = createGitHubClient(
      { type: "app", appId: 1, privateKey, installationId: 2 },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const result = await discoverRepositories(client);
    expect(result.repositories.map((r) => r.name)).toEqual(names);
    expect(result.repositories.map((r) => r.catalogFiles[0]?.status)).toEqual(names.map(() => "ok"));
    expect(fake.requests.map((r) => r.operation ?? r.path.split("?")[0])).toEqual([
      "/app/installations/2/access_tokens",
      "/installation/repositories",
      "StagedoorRepositoryNodes",
      "/installation/repositories",
      "StagedoorRepositoryNodes",
    ]);
  });

  it("reports files as forbidden when the token may not read contents, and an unknown owner as an error", async () => {
    const { fake } = await setup({ repositories: [{ name: "one", files: { "catalog-info.yaml": component("one") } }] });
    const limited = createGitHubClient(
      { type: "token", token: "github_pat_meta" },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    fake.auth.tokens["github_pat_meta"] = { login: "meta", permissions: { metadata: "read" } };
    const result = await discoverRepositories(limited, { owner: "acme", includeCodeowners: false });
    expect(result.repositories[0]?.catalogFiles).toEqual([
      expect.objectContaining({
        status: "error",
        reason: "forbidden",
        message: expect.stringContaining("contents:read"),
      }),
    ]);

    await expect(discoverRepositories(limited, { owner: "nobody" })).rejects.toMatchObject({
      name: "DiscoveryError",
      code: "owner-not-found",
    });
  });

  it("halves the page size when GitHub times out on a heavy page", async () => {
    const { client, fake } = await setup(
      { repositories: Array.from({ length: 120 }, (_, i) => ({ name: `r${i}` })) },
      { maxRetries: 0 },
    );
    fake.injectFault({ type: "server-error", status: 502 });
    const result = await discoverRepositories(client, { owner: "acme" });
    expect(result.repositories).toHaveLength(120);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200, 200, 200]);
  });
});
