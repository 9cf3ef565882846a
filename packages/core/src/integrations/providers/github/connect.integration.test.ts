import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { setOrgPlan, testDatabase } from "@stagedoor/db/testing";
import { openCredentials, openWebhookSecret } from "../../credentials";
import { deleteIntegration } from "../../delete-integration";
import { revealWebhookSecret } from "../../reveal-webhook-secret";
import { getIntegration, listIntegrations } from "../../read-integrations";
import { githubConfigOf } from "../../views";
import { saveGitHubIntegration } from "./save-github";
import { testGitHubIntegration } from "./test-github";
import { adminOf, connectedOrg, FAKE_TOKEN, recordingQueue, startGitHub, testDeps } from "../../testing";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("connecting GitHub", () => {
  it("saves encrypted credentials bound to the row, returns only hints, audits and schedules", async () => {
    fake = await startGitHub({ org: "acme" });
    const recorder = recordingQueue();
    const deps = testDeps({ queue: recorder.queue });
    const ctx = await connectedOrg(db, deps, fake);
    const row = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(row.credentialsCiphertext).not.toContain(FAKE_TOKEN);
    expect(JSON.stringify(row.config)).not.toContain(FAKE_TOKEN);
    expect(openCredentials(deps.secrets, row)).toEqual({ type: "token", token: FAKE_TOKEN });
    // Bound to its row: the same ciphertext under another integration's id does not open.
    expect(() => openCredentials(deps.secrets, { ...row, id: "another" })).toThrow();
    expect(() => openCredentials(deps.secrets, { ...row, orgId: "another-org" })).toThrow();

    const view = await getIntegration(ctx.tdb, ctx.actor, ctx.integrationId);
    expect(view.config).toEqual({
      baseUrl: fake.url,
      owner: "acme",
      authType: "token",
      appId: null,
      installationId: null,
      tokenLast4: FAKE_TOKEN.slice(-4),
      catalogPaths: ["catalog-info.yaml"],
      syncIntervalMinutes: 30,
      syncTeams: true,
      registerReposWithoutCatalog: false,
      webhookUrlPath: `/api/webhooks/github/${ctx.integrationId}`,
    });
    expect(JSON.stringify(await listIntegrations(ctx.tdb, ctx.actor))).not.toContain(FAKE_TOKEN);
    const secret = await revealWebhookSecret(ctx.tdb, ctx.actor, deps, ctx.integrationId);
    expect(secret.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(view.webhookSecretHint).toBe(secret.secret.slice(-4));
    expect(openWebhookSecret(deps.secrets, row)).toBe(secret.secret);
    expect(JSON.stringify(view)).not.toContain(secret.secret);

    // Sorted by name: two rows written within one millisecond carry the same createdAt.
    const actions = (await ctx.tdb.auditLog.findMany()).map((a) => a.action).sort();
    expect(actions).toEqual(["integration.connected", "integration.webhook_secret_revealed"]);
    expect(recorder.calls).toEqual([
      {
        method: "upsertSchedule",
        args: [{ orgId: ctx.org.id, integrationId: ctx.integrationId, intervalMinutes: 30 }],
      },
    ]);
  });

  it("reports every bad field at once", async () => {
    const { tdb, actor } = await adminOf(db);
    const attempt = saveGitHubIntegration(tdb, actor, testDeps(), {
      name: " ",
      owner: "not a login",
      catalogPaths: ["../escape.yaml"],
      syncIntervalMinutes: 1,
      auth: { type: "token", token: "t" },
    });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: {
        name: expect.any(String),
        owner: expect.any(String),
        catalogPaths: expect.any(String),
        syncIntervalMinutes: expect.any(String),
      },
    });
    const badKey = saveGitHubIntegration(tdb, actor, testDeps(), {
      name: "GitHub",
      owner: "acme",
      auth: { type: "app", appId: "12", installationId: "34", privateKey: "not a key" },
    });
    await expect(badKey).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { "auth.privateKey": expect.any(String) },
    });
  });

  it("refuses private and metadata addresses unless the operator allows private networks", async () => {
    const { tdb, actor } = await adminOf(db);
    const deps = testDeps({ allowPrivateNetworks: false });
    for (const baseUrl of ["http://127.0.0.1:4010", "http://169.254.169.254/latest", "http://localhost/api/v3"]) {
      await expect(
        saveGitHubIntegration(tdb, actor, deps, {
          name: "GHES",
          baseUrl,
          owner: "acme",
          auth: { type: "token", token: "x" },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", details: { baseUrl: expect.any(String) } });
      const tested = await testGitHubIntegration(tdb, actor, deps, {
        baseUrl,
        owner: "acme",
        auth: { type: "token", token: "x" },
      });
      expect(tested).toMatchObject({ ok: false, code: "blocked-url" });
    }
  });

  it("tests unsaved values and saved credentials, and names the problem", async () => {
    fake = await startGitHub({ org: "acme", repositories: [{ name: "one" }, { name: "two" }] });
    const deps = testDeps();
    const { tdb, actor } = await adminOf(db);
    const good = await testGitHubIntegration(tdb, actor, deps, {
      baseUrl: fake.url,
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    expect(good).toMatchObject({
      ok: true,
      identity: { kind: "token", login: "octocat" },
      repositoryCount: 2,
      missing: [],
    });

    const bad = await testGitHubIntegration(tdb, actor, deps, {
      baseUrl: fake.url,
      owner: "acme",
      auth: { type: "token", token: "nope" },
    });
    expect(bad).toMatchObject({ ok: false, code: "bad-credentials" });

    const unreachable = await testGitHubIntegration(tdb, actor, deps, {
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    expect(unreachable).toMatchObject({ ok: false, code: "unreachable" });

    const { id } = await saveGitHubIntegration(tdb, actor, deps, {
      name: "GitHub",
      baseUrl: fake.url,
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    const saved = await testGitHubIntegration(tdb, actor, deps, { id, owner: "acme", auth: { type: "saved" } });
    expect(saved).toMatchObject({ ok: true, repositoryCount: 2 });
  });

  it("tests and saves GitHub App credentials", async () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    fake = await startGitHub({
      org: "acme",
      repositories: [{ name: "one" }],
      app: { id: 42, slug: "stagedoor", privateKey: pem, installations: [{ id: 7 }] },
    });
    const deps = testDeps();
    const { tdb, actor } = await adminOf(db);
    const auth = { type: "app" as const, appId: "42", installationId: "7", privateKey: pem };
    const tested = await testGitHubIntegration(tdb, actor, deps, { baseUrl: fake.url, owner: "acme", auth });
    expect(tested).toMatchObject({ ok: true, identity: { kind: "app", installationId: 7 } });
    const { id } = await saveGitHubIntegration(tdb, actor, deps, {
      name: "App",
      baseUrl: fake.url,
      owner: "acme",
      auth,
    });
    const view = await getIntegration(tdb, actor, id);
    expect(view.config).toMatchObject({ authType: "app", appId: "42", installationId: "7", tokenLast4: null });
    expect(JSON.stringify(view)).not.toContain("PRIVATE KEY");
  });

  it("keeps saved credentials on update, refuses duplicate names, and deletes with an audit entry", async () => {
    fake = await startGitHub({ org: "acme" });
    const recorder = recordingQueue();
    const deps = testDeps({ queue: recorder.queue });
    const ctx = await connectedOrg(db, deps, fake);
    await setOrgPlan(db, ctx.org.id, "team"); // a second GitHub integration needs Team (Free allows one)
    const before = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    await saveGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      id: ctx.integrationId,
      name: "Renamed",
      baseUrl: fake.url,
      owner: "acme",
      syncIntervalMinutes: 60,
      auth: { type: "saved" },
    });
    const after = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(after.credentialsCiphertext).toBe(before.credentialsCiphertext);
    expect(after.webhookSecretCiphertext).toBe(before.webhookSecretCiphertext);
    expect(githubConfigOf(await getIntegration(ctx.tdb, ctx.actor, ctx.integrationId)).syncIntervalMinutes).toBe(60);

    const duplicate = saveGitHubIntegration(ctx.tdb, ctx.actor, deps, {
      name: "Renamed",
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    await expect(duplicate).rejects.toMatchObject({ code: "CONFLICT", details: { name: expect.any(String) } });

    await deleteIntegration(ctx.tdb, ctx.actor, deps, ctx.integrationId);
    await expect(getIntegration(ctx.tdb, ctx.actor, ctx.integrationId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(recorder.calls.at(-1)).toEqual({ method: "removeSchedule", args: [ctx.integrationId] });
    expect(await ctx.tdb.auditLog.count({ where: { action: "integration.deleted" } })).toBe(1);
  });

  it("is for admins only", async () => {
    fake = await startGitHub({ org: "acme" });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    const member = { ...ctx.actor, role: "MEMBER" as const };
    await expect(revealWebhookSecret(ctx.tdb, member, deps, ctx.integrationId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      testGitHubIntegration(ctx.tdb, member, deps, { id: ctx.integrationId, owner: "acme", auth: { type: "saved" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
