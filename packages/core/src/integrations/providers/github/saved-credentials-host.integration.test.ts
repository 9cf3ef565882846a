import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { connectedOrg, FAKE_TOKEN, startGitHub, testDeps } from "../../testing";
import { getIntegration } from "../../read-integrations";
import { githubConfigOf } from "../../views";
import { saveGitHubIntegration } from "./save-github";
import { testGitHubIntegration } from "./test-github";

// Issue 8, finding 1: saved credentials must never be sent to a host other than the one
// they were entered for. A new base URL needs the credentials entered again, and the host
// change is audited.
const db = testDatabase();
const fakes: FakeGitHub[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
});
const start = async () => {
  const fake = await startGitHub({ org: "acme", repositories: [{ name: "one" }] });
  fakes.push(fake);
  return fake;
};

describe("saved credentials and a new host", () => {
  it("refuses to test or save saved credentials against another base URL, and sends them nowhere", async () => {
    const [home, attacker] = [await start(), await start()];
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, home);
    const before = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });

    const tested = testGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      id: ctx.integrationId,
      baseUrl: attacker.url,
      owner: "acme",
      auth: { type: "saved" },
    });
    await expect(tested).rejects.toMatchObject({ code: "BAD_REQUEST", details: { auth: expect.any(String) } });

    const saved = saveGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      id: ctx.integrationId,
      name: "GitHub",
      baseUrl: attacker.url,
      owner: "acme",
      auth: { type: "saved" },
    });
    await expect(saved).rejects.toMatchObject({ code: "BAD_REQUEST", details: { auth: expect.any(String) } });

    expect(attacker.requestCount).toBe(0);
    const after = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(after.config).toEqual(before.config);
    expect(after.credentialsCiphertext).toBe(before.credentialsCiphertext);
    expect(githubConfigOf(await getIntegration(ctx.tdb, ctx.actor, ctx.integrationId)).baseUrl).toBe(home.url);

    // The same host (however it is spelled) still works with the saved credentials.
    const same = await testGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      id: ctx.integrationId,
      baseUrl: `${home.url}/`,
      owner: "acme",
      auth: { type: "saved" },
    });
    expect(same).toMatchObject({ ok: true });
  });

  it("moves to a new host with credentials entered again, and audits the change", async () => {
    const [home, moved] = [await start(), await start()];
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, home);
    await saveGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      id: ctx.integrationId,
      name: "GitHub",
      baseUrl: moved.url,
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    expect(githubConfigOf(await getIntegration(ctx.tdb, ctx.actor, ctx.integrationId)).baseUrl).toBe(moved.url);
    const audits = await ctx.tdb.auditLog.findMany({ where: { action: "integration.host_changed" } });
    expect(audits.map((a) => ({ target: a.target, data: a.data }))).toEqual([
      { target: ctx.integrationId, data: { from: home.url, to: moved.url } },
    ]);
  });
});
