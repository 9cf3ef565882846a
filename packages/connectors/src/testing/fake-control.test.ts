import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./fake-github";

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("fake GitHub control API", () => {
  it("lets another process change repositories and read the request log", async () => {
    fake = await startFakeGitHub({ tokens: { t: { login: "octocat" } }, repositories: [{ name: "svc" }] });
    const mutate = (op: string, args: unknown[]) =>
      fetch(`${fake?.url}/_fake/mutate`, { method: "POST", body: JSON.stringify({ op, args }) });
    expect((await mutate("setFile", ["svc", "catalog-info.yaml", "kind: Component\n"])).status).toBe(204);
    expect((await mutate("renameRepository", ["svc", "service"])).status).toBe(204);
    expect((await mutate("deleteRepository", ["nope"])).status).toBe(409);
    expect((await mutate("close", [])).status).toBe(400);

    const file = await fetch(`${fake.url}/repos/acme/service/contents/catalog-info.yaml`, {
      headers: { authorization: "token t" },
    });
    expect(Buffer.from(((await file.json()) as { content: string }).content, "base64").toString()).toBe(
      "kind: Component\n",
    );
    const log = (await (await fetch(`${fake.url}/_fake/requests`)).json()) as {
      count: number;
      requests: Array<{ path: string }>;
    };
    expect(log.count).toBe(1);
    expect(log.requests[0]?.path).toBe("/repos/acme/service/contents/catalog-info.yaml");
  });
});
