import { generateKeyPairSync } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { findNonPublicAddressError } from "../net/guarded-fetch";
import { checkOutboundUrl } from "../net/outbound-url";
import { startFakeGitHub, type FakeGitHub } from "../testing";
import { createGitHubClient } from "./client";

const TOKEN = "github_pat_outbound";
let fake: FakeGitHub | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the request to be refused");
    },
    (error: unknown) => error,
  );
}

describe("GitHub client: connections to customer-supplied hosts", () => {
  it("refuses loopback by default, before any request reaches the server", async () => {
    fake = await startFakeGitHub({ tokens: { [TOKEN]: { login: "octocat" } } });
    // Default retries: a refused connection is final, not a transient failure to retry.
    const client = createGitHubClient({ type: "token", token: TOKEN }, { baseUrl: fake.url });
    const error = await failure(client.octokit.request("GET /user"));
    expect(findNonPublicAddressError(error)).toMatchObject({ address: "127.0.0.1" });
    expect((error as Error).message).toMatch(/127\.0\.0\.1 is not a public address: loopback/);
    expect(fake.requestCount).toBe(0);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0 });
  });

  it("refuses a host that rebinds to loopback, for the installation token request and through a caller's fetch", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    fake = await startFakeGitHub({ app: { id: 42, privateKey, installations: [{ id: 7 }] } });
    const baseUrl = `http://ghe.rebind.example:${new URL(fake.url).port}/api/v3`;
    let answers = 0;
    const lookup = async () => [{ address: answers++ === 0 ? "140.82.112.3" : "127.0.0.1", family: 4 }];
    expect(await checkOutboundUrl(baseUrl, { lookup })).toMatchObject({ ok: true });

    // Like core's same-origin redirect wrapper: a fetch that passes init on to Node's fetch.
    const seen: unknown[] = [];
    const callerFetch: typeof globalThis.fetch = (input, init) => {
      seen.push((init as { dispatcher?: unknown } | undefined)?.dispatcher);
      return globalThis.fetch(input, init);
    };
    const client = createGitHubClient(
      { type: "app", appId: "42", privateKey, installationId: 7 },
      { baseUrl, maxRetries: 0, fetch: callerFetch, outbound: { lookup } },
    );
    const error = await failure(client.octokit.request("GET /installation/repositories"));
    expect(findNonPublicAddressError(error)).toMatchObject({ hostname: "ghe.rebind.example", address: "127.0.0.1" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeDefined();
    expect(fake.requestCount).toBe(0);
  });

  it("reaches a private host when the operator allows private networks", async () => {
    fake = await startFakeGitHub({ tokens: { [TOKEN]: { login: "octocat" } } });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const { data } = await client.octokit.request("GET /user");
    expect(data.login).toBe("octocat");
    expect(fake.requestCount).toBe(1);
  });
});
