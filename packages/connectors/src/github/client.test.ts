import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createManualClock, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../testing";
import { createGitHubClient, GitHubConfigurationError, type GitHubClientOptions } from "./client";
import { RateLimitedError } from "./errors";

const TOKEN = "github_pat_good";
let fake: FakeGitHub | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

// On a whole second, so rate-limit resets (whole seconds in GitHub's headers) land on exact times.
const START = Math.ceil(Date.now() / 1000) * 1000;
// The client waits this long past an advertised reset, so a slightly fast clock does not retry early.
const RESET_MARGIN_MS = 1000;

async function setup(options: FakeGitHubOptions = {}, clientOptions: GitHubClientOptions = {}) {
  const clock = createManualClock(START);
  fake = await startFakeGitHub({ tokens: { [TOKEN]: { login: "octocat" } }, now: clock.now, ...options });
  const client = createGitHubClient(
    { type: "token", token: TOKEN },
    { baseUrl: fake.url, outbound: { allowPrivateNetworks: true }, clock, ...clientOptions },
  );
  return { fake, client, clock };
}

const repos = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `repo-${String(i).padStart(3, "0")}` }));

describe("GitHub client", () => {
  it("follows Link pagination past 100 items and counts every request", async () => {
    const { client, fake } = await setup({ repositories: repos(250) });
    const all = await client.octokit.paginate("GET /orgs/{org}/repos", { org: "acme", per_page: 100 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((r) => r.full_name)).size).toBe(250);
    expect(client.stats().requests).toBe(3);
    expect(fake.requestCount).toBe(3);
    expect(client.rateLimit()).toMatchObject({ limit: 5000, remaining: 4997 });
  });

  it("surfaces 401 for a bad token and 404 for an unknown repository without retrying", async () => {
    const { fake } = await setup({ repositories: repos(1) });
    const bad = createGitHubClient(
      { type: "token", token: "github_pat_wrong" },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    await expect(bad.octokit.request("GET /user")).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining("Bad credentials"),
    });
    const good = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    await expect(
      good.octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "nope" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(fake.requestCount).toBe(2);
  });

  it("waits for the reset instead of sending requests it knows will fail", async () => {
    const { client, fake, clock } = await setup({ repositories: repos(1), rateLimit: { limit: 3, windowMs: 30_000 } });
    for (let i = 0; i < 5; i++)
      await client.octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "repo-000" });
    expect(fake.requestCount).toBe(5);
    expect(fake.requests.filter((r) => r.rateLimited)).toHaveLength(0);
    expect(clock.sleeps).toEqual([30_000 + RESET_MARGIN_MS]);
    expect(client.stats()).toMatchObject({ requests: 5, rateLimitWaits: 1 });
  });

  it("after an unexpected 403 with remaining 0, waits until reset and resumes with a single retry", async () => {
    const { client, fake, clock } = await setup(
      { repositories: repos(1), rateLimit: { limit: 100, remaining: 0, resetAt: START + 45_000 } },
      {},
    );
    const response = await client.octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "repo-000" });
    expect(response.status).toBe(200);
    expect(fake.requests.map((r) => r.rateLimited)).toEqual([true, false]);
    expect(clock.sleeps).toEqual([45_000 + RESET_MARGIN_MS]);
    expect(clock.now()).toBe(START + 45_000 + RESET_MARGIN_MS);
  });

  it("throws RateLimitedError with the reset time when the wait is longer than it may block", async () => {
    const { client, fake, clock } = await setup(
      { repositories: repos(1), rateLimit: { limit: 100, remaining: 0, resetAt: START + 3_600_000 } },
      { maxRateLimitWaitMs: 60_000 },
    );
    const error = await client.octokit
      .request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "repo-000" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).kind).toBe("primary");
    expect(fake.rateLimit().resetAt).toBe(START + 3_600_000);
    expect((error as RateLimitedError).resetAt.getTime()).toBe(START + 3_600_000 + RESET_MARGIN_MS);
    // A second call does not even reach GitHub: the client remembers the bucket is empty.
    await expect(client.octokit.request("GET /user")).rejects.toBeInstanceOf(RateLimitedError);
    expect(fake.requestCount).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("honours retry-after on a secondary rate limit", async () => {
    const { client, fake, clock } = await setup({ repositories: repos(1) });
    fake.injectFault({ type: "secondary-rate-limit", retryAfterSeconds: 7 });
    const response = await client.octokit.request("GET /user");
    expect(response.data.login).toBe("octocat");
    expect(clock.sleeps).toEqual([7000]);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it("backs off exponentially from one minute on a secondary limit without retry-after, then gives up with RateLimitedError", async () => {
    const { client, fake, clock } = await setup({}, { maxSecondaryRetries: 2, maxRateLimitWaitMs: 10 * 60_000 });
    fake.injectFault({ type: "secondary-rate-limit", status: 429 }, { times: 3 });
    const error = await client.octokit.request("GET /user").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RateLimitedError", kind: "secondary" });
    expect(clock.sleeps).toEqual([60_000, 120_000]);
    expect(fake.requestCount).toBe(3);
  });

  it("retries transient 5xx a bounded number of times", async () => {
    const { client, fake, clock } = await setup();
    fake.injectFault({ type: "server-error", status: 502 }, { times: 2 });
    expect((await client.octokit.request("GET /user")).status).toBe(200);
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 502, 200]);

    fake.clearRequests();
    fake.injectFault({ type: "server-error", status: 503 }, { times: 10 });
    await expect(client.octokit.request("GET /user")).rejects.toMatchObject({ status: 503 });
    expect(fake.requestCount).toBe(4); // first try + maxRetries (3)
  });

  it("retries a dropped connection", async () => {
    const { client, fake } = await setup();
    fake.injectFault({ type: "connection-reset" });
    expect((await client.octokit.request("GET /user")).status).toBe(200);
    expect(fake.requestCount).toBe(2);
  });

  it("keeps at most maxConcurrency requests in flight however many are fanned out", async () => {
    const { client, fake } = await setup({ repositories: repos(1) }, { maxConcurrency: 3 });
    // The fake holds requests until three are in flight at once, so the peak is exactly the limit.
    const resume = fake.pause();
    const all = Promise.all(Array.from({ length: 12 }, () => client.octokit.request("GET /user")));
    await fake.whenInFlight(3);
    resume();
    await all;
    expect(fake.requestCount).toBe(12);
    // Exactly: the limiter lets 3 run (never more), and 12 at once keep it saturated.
    expect(fake.maxInFlight).toBe(3);
  });

  it("authenticates as a GitHub App installation and counts the token request", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    fake = await startFakeGitHub({ repositories: repos(3), app: { id: 42, privateKey, installations: [{ id: 7 }] } });
    const client = createGitHubClient(
      { type: "app", appId: "42", privateKey, installationId: 7 },
      { baseUrl: `${fake.url}/api/v3`, outbound: { allowPrivateNetworks: true } },
    );
    expect(client.endpoints.graphqlUrl).toBe(`${fake.url}/api/graphql`);
    const { data } = await client.octokit.request("GET /installation/repositories", { per_page: 100 });
    await client.octokit.request("GET /installation/repositories", { per_page: 100 });
    expect(data.total_count).toBe(3);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /app/installations/7/access_tokens",
      "GET /installation/repositories?per_page=100",
      "GET /installation/repositories?per_page=100",
    ]);
    expect(client.stats().requests).toBe(3);
  });

  it("rejects unusable settings before making any request", () => {
    expect(() => createGitHubClient({ type: "app", appId: "x1", privateKey: "k", installationId: 1 })).toThrow(
      GitHubConfigurationError,
    );
    expect(() => createGitHubClient({ type: "app", appId: 1, privateKey: "not a pem", installationId: 1 })).toThrow(
      /private key/,
    );
    expect(() => createGitHubClient({ type: "token", token: " " })).toThrow(/token/);
    expect(() => createGitHubClient({ type: "token", token: "t" }, { baseUrl: "not a url" })).toThrow(/valid URL/);
  });
});
