import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../testing";
import { testGitHubConnection, type TestConnectionInput } from "./test-connection";

const TOKEN = "github_pat_conn";
const allow = { allowPrivateNetworks: true };
const keyPair = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
const { privateKey } = keyPair();

let fake: FakeGitHub | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function startFake(options: FakeGitHubOptions = {}) {
  fake = await startFakeGitHub({
    repositories: Array.from({ length: 7 }, (_, i) => ({ name: `repo-${i}` })),
    tokens: { [TOKEN]: { login: "octocat" } },
    app: { id: 31, slug: "stagedoor-acme", privateKey, installations: [{ id: 77 }] },
    ...options,
  });
  return fake;
}

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const test = (input: Partial<TestConnectionInput> & Pick<TestConnectionInput, "credentials">) =>
  testGitHubConnection({ outbound: allow, owner: "acme", client: { maxRetries: 0 }, ...input });

describe("test connection", () => {
  it("reports a token's user, repositories and granted permissions", async () => {
    const { url } = await startFake();
    const result = await test({ credentials: { type: "token", token: TOKEN }, baseUrl: url });
    expect(result).toMatchObject({
      ok: true,
      identity: { kind: "token", login: "octocat" },
      repositoryCount: 7,
      missing: [],
      granted: expect.arrayContaining(["metadata:read", "contents:read", "actions:read", "members:read"]),
    });
  });

  it("names the permissions a token lacks and what will not work without them", async () => {
    const { url } = await startFake({
      tokens: { [TOKEN]: { login: "octocat", permissions: { metadata: "read", contents: "read" } } },
    });
    const result = await test({ credentials: { type: "token", token: TOKEN }, baseUrl: url });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.missing).toEqual(["members:read", "actions:read"]);
    expect(result.warnings.join("\n")).toMatch(/members:read: teams .* will not be imported/);
    expect(result.warnings.join("\n")).toMatch(/actions:read: CI\/CD runs will not be shown/);
  });

  it("reports bad credentials for an unknown token and an unknown owner for a wrong organisation", async () => {
    const { url } = await startFake();
    expect(await test({ credentials: { type: "token", token: "github_pat_nope" }, baseUrl: url })).toMatchObject({
      ok: false,
      code: "bad-credentials",
      detail: "GitHub said: Bad credentials",
    });
    expect(await test({ credentials: { type: "token", token: TOKEN }, baseUrl: url, owner: "not-acme" })).toMatchObject(
      { ok: false, code: "owner-not-found" },
    );
  });

  it("reports an app installation's account, repository count and permissions", async () => {
    const { url } = await startFake({
      app: {
        id: 31,
        slug: "stagedoor-acme",
        privateKey,
        installations: [{ id: 77, permissions: { metadata: "read", contents: "read", members: "read" } }],
      },
    });
    const result = await test({
      credentials: { type: "app", appId: 31, privateKey, installationId: 77 },
      baseUrl: `${url}/api/v3`,
    });
    expect(result).toMatchObject({
      ok: true,
      identity: {
        kind: "app",
        appSlug: "stagedoor-acme",
        installationId: 77,
        account: { login: "acme" },
        repositorySelection: "all",
      },
      repositoryCount: 7,
      granted: ["contents:read", "members:read", "metadata:read"],
      missing: ["actions:read"],
      requests: 4,
    });
  });

  it("tells a wrong installation id, a key from another app and an unusable key apart", async () => {
    const { url } = await startFake();
    expect(
      await test({ credentials: { type: "app", appId: 31, privateKey, installationId: 78 }, baseUrl: url }),
    ).toMatchObject({
      ok: false,
      code: "installation-not-found",
      message: expect.stringContaining("no installation 78"),
    });
    expect(
      await test({
        credentials: { type: "app", appId: 31, privateKey: keyPair().privateKey, installationId: 77 },
        baseUrl: url,
      }),
    ).toMatchObject({
      ok: false,
      code: "bad-credentials",
      message: expect.stringContaining("private key"),
    });
    expect(
      await test({
        credentials: {
          type: "app",
          appId: 31,
          privateKey: "-----BEGIN RSA PRIVATE KEY-----\nnope",
          installationId: 77,
        },
        baseUrl: url,
      }),
    ).toMatchObject({
      ok: false,
      code: "invalid-configuration",
    });
    expect(fake?.requestCount).toBe(3);
  });

  it("reports an unreachable host: refused connection, unknown name, no answer", async () => {
    const closed = await rawServer(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await test({ credentials: { type: "token", token: TOKEN }, baseUrl: `http://${closed}` })).toMatchObject({
      ok: false,
      code: "unreachable",
      message: expect.stringContaining("connection refused"),
    });
    expect(
      await test({
        credentials: { type: "token", token: TOKEN },
        baseUrl: "http://github.stagedoor-test.invalid/api/v3",
      }),
    ).toMatchObject({
      ok: false,
      code: "unreachable",
      message: expect.stringContaining("could not be resolved"),
    });
    const silent = await rawServer(() => {});
    expect(
      await test({
        credentials: { type: "token", token: TOKEN },
        baseUrl: `http://${silent}`,
        client: { maxRetries: 0, requestTimeoutMs: 100 },
      }),
    ).toMatchObject({
      ok: false,
      code: "unreachable",
      message: expect.stringContaining("did not answer in time"),
    });
  });

  it("reports a TLS problem when the host does not speak TLS properly", async () => {
    const plain = await rawServer((_req, res) => res.end("{}"));
    expect(
      await test({ credentials: { type: "token", token: TOKEN }, baseUrl: `https://${plain}/api/v3` }),
    ).toMatchObject({ ok: false, code: "tls" });
  });

  it("recognises a server that is not a GitHub API", async () => {
    const html = await rawServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>Sign in</html>");
    });
    expect(await test({ credentials: { type: "token", token: TOKEN }, baseUrl: `http://${html}` })).toMatchObject({
      ok: false,
      code: "not-github",
      message: expect.stringContaining("/api/v3"),
    });
    const json404 = await rawServer((_req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"error":"no such route"}');
    });
    expect(
      await test({ credentials: { type: "token", token: TOKEN }, baseUrl: `http://${json404}/api/v3` }),
    ).toMatchObject({ ok: false, code: "not-github" });
  });

  it("refuses private and metadata addresses unless the operator allows them", async () => {
    const result = await testGitHubConnection({
      credentials: { type: "token", token: TOKEN },
      baseUrl: "http://169.254.169.254/api/v3",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "blocked-url",
      message: expect.stringContaining("cloud metadata"),
    });
    const { url } = await startFake();
    expect(await testGitHubConnection({ credentials: { type: "token", token: TOKEN }, baseUrl: url })).toMatchObject({
      ok: false,
      code: "blocked-url",
    });
    expect(fake?.requestCount).toBe(0);
  });

  it("refuses the connection when the host name answers a private address after passing the URL check", async () => {
    const { url } = await startFake();
    const port = new URL(url).port;
    const answers = ["140.82.112.3", "127.0.0.1"];
    const lookup = async () => {
      const address = answers.length > 1 ? (answers.shift() as string) : (answers[0] as string);
      return [{ address, family: 4 }];
    };
    const result = await testGitHubConnection({
      credentials: { type: "token", token: TOKEN },
      baseUrl: `http://ghe.rebind.example:${port}/api/v3`,
      outbound: { lookup },
      client: { maxRetries: 0 },
    });
    expect(result).toMatchObject({
      ok: false,
      code: "blocked-url",
      detail: "non-public-address",
      message: expect.stringContaining("ghe.rebind.example resolved to 127.0.0.1 when connecting"),
    });
    expect(fake?.requestCount).toBe(0);
  });

  it("reports an exhausted rate limit with the time to retry", async () => {
    // A whole second: GitHub's reset header has no milliseconds.
    const resetAt = Math.ceil(Date.now() / 1000) * 1000 + 30 * 60_000;
    const { url } = await startFake({ rateLimit: { limit: 5000, remaining: 0, resetAt } });
    const result = await test({ credentials: { type: "token", token: TOKEN }, baseUrl: url });
    expect(result).toMatchObject({ ok: false, code: "rate-limited" });
    // The reset GitHub advertised, plus the client's one-second margin against clock skew.
    expect((result as { resetAt: string }).resetAt).toBe(new Date(resetAt + 1000).toISOString());
  });
});
