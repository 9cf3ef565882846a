import { afterEach, describe, expect, it } from "vitest";
import { generateOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { FAKE_TOKEN, runToEnd, startGitHub, testDeps } from "@stagedoor/core/integrations-testing";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, db, signedInUser, type TestUser } from "../../testing/caller";

const deps = testDeps();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function orgWithOwner() {
  const owner = await signedInUser();
  const slug = uniqueSlug();
  await callerFor(owner).org.create({ name: "Team", slug });
  const org = await db.admin.organization.findUniqueOrThrow({ where: { slug } });
  return { owner, slug, orgId: org.id, api: callerFor(owner, slug, deps) };
}

async function member(slug: string, inviter: TestUser) {
  const user = await signedInUser();
  const { token } = await callerFor(inviter, slug).members.invite({ email: user.email, role: "MEMBER" });
  await callerFor(user).invitations.accept({ token });
  return callerFor(user, slug, deps);
}

const githubForm = (baseUrl: string) => ({
  name: "GitHub",
  baseUrl,
  owner: "acme",
  auth: { type: "token" as const, token: FAKE_TOKEN },
  catalogPaths: ["catalog-info.yaml"],
  syncIntervalMinutes: 30,
  syncTeams: true,
  registerReposWithoutCatalog: false,
});

describe("integrations and cicd routers", () => {
  it("connect → test → dry run → sync now → runs → CI badges, with secrets never returned", async () => {
    fake = await startGitHub({
      org: "acme",
      ...generateOrg({ org: "acme", repositories: 10, workflowRunsPerRepository: 3 }),
    });
    const { api, orgId } = await orgWithOwner();

    const tested = await api.integrations.testGithub({
      baseUrl: fake.url,
      owner: "acme",
      auth: { type: "token", token: FAKE_TOKEN },
    });
    expect(tested).toMatchObject({ ok: true, repositoryCount: 10 });
    const { id } = await api.integrations.saveGithub(githubForm(fake.url));
    expect(await api.integrations.testGithub({ id, owner: "acme", auth: { type: "saved" } })).toMatchObject({
      ok: true,
    });

    const [listed] = await api.integrations.list();
    expect(listed).toMatchObject({
      id,
      provider: "github",
      name: "GitHub",
      status: "connected",
      lastSyncAt: null,
      latestRun: null,
      config: { owner: "acme", authType: "token", webhookUrlPath: `/api/webhooks/github/${id}` },
    });
    const got = await api.integrations.get({ id });
    expect(got.webhookSecretHint).toMatch(/^[0-9a-f]{4}$/);
    const { secret } = await api.integrations.revealWebhookSecret({ id });
    expect(JSON.stringify([listed, got])).not.toContain(secret);
    expect(JSON.stringify([listed, got])).not.toContain(FAKE_TOKEN);

    const dry = await api.integrations.dryRun({ id });
    expect(dry).toMatchObject({ repositories: 10, filesFound: 3 });
    expect(dry.withoutCatalog).toHaveLength(7);

    const { syncRunId } = await api.integrations.syncNow({ id, trigger: "onboarding" });
    expect((await api.integrations.syncNow({ id })).syncRunId).toBe(syncRunId);
    await runToEnd(db.forOrg(orgId), deps, id, syncRunId);

    const run = await api.integrations.syncRun({ id: syncRunId });
    expect(run).toMatchObject({
      id: syncRunId,
      integrationId: id,
      trigger: "onboarding",
      status: "succeeded",
      reposScanned: 10,
      filesFound: 3,
      errors: [],
      phase: "done",
      repositoriesTotal: 10,
    });
    expect(run.apiRequests).toBeGreaterThan(0);
    const page = await api.integrations.runs({ id, limit: 1 });
    expect(page).toMatchObject({ items: [{ id: syncRunId }], nextCursor: null });
    expect((await api.integrations.get({ id })).latestRun?.id).toBe(syncRunId);

    const runs = await api.cicd.runsForEntity({ ref: "component:default/service-01" });
    expect(runs).toHaveLength(3);
    expect(runs[0]).toMatchObject({
      workflowName: expect.any(String),
      status: "completed",
      url: expect.stringContaining("/actions/runs/"),
    });
    expect(runs.map((r) => r.startedAt.getTime())).toEqual(
      [...runs.map((r) => r.startedAt.getTime())].sort((a, b) => b - a),
    );
    const badges = await api.cicd.latestForRefs({
      refs: ["component:default/service-01", "group:default/team-1", "nonsense ref!"],
    });
    expect(badges["component:default/service-01"]).toMatchObject({ status: "completed", url: runs[0]!.url });
    expect(badges["group:default/team-1"]).toBeNull();
    expect(badges["nonsense ref!"]).toBeNull();

    const entities = async () =>
      (
        await db
          .forOrg(orgId)
          .catalogEntity.findMany({ select: { id: true, orphanedAt: true }, orderBy: { id: "asc" } })
      ).map((e) => ({ id: e.id, orphaned: e.orphanedAt !== null }));
    const synced = await entities();
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.filter((e) => e.orphaned)).toEqual([]);

    await api.integrations.delete({ id });
    expect(await api.integrations.list()).toEqual([]);
    // Every entity it synced stays visible as an orphan (purged after the grace period), not gone at once.
    expect(await entities()).toEqual(synced.map((e) => ({ ...e, orphaned: true })));
  });

  it("lets members read but not manage", async () => {
    fake = await startGitHub({ org: "acme" });
    const { api, owner, slug } = await orgWithOwner();
    const { id } = await api.integrations.saveGithub(githubForm(fake.url));
    const bob = await member(slug, owner);
    expect(await bob.integrations.list()).toHaveLength(1);
    await expect(bob.integrations.saveGithub(githubForm(fake.url))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bob.integrations.syncNow({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bob.integrations.revealWebhookSecret({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers NOT_FOUND for another org's integration, runs and entities", async () => {
    fake = await startGitHub({
      org: "acme",
      ...generateOrg({ org: "acme", repositories: 4, workflowRunsPerRepository: 1 }),
    });
    const a = await orgWithOwner();
    const { id } = await a.api.integrations.saveGithub(githubForm(fake.url));
    const { syncRunId } = await a.api.integrations.syncNow({ id });
    await runToEnd(db.forOrg(a.orgId), deps, id, syncRunId);

    // First show that A sees its config, runs and audit trail, then snapshot them.
    const aDb = db.forOrg(a.orgId);
    const snapshot = async () => ({
      view: await a.api.integrations.get({ id }),
      runs: await a.api.integrations.runs({ id }),
      row: await aDb.integration.findUniqueOrThrow({ where: { id } }),
      audit: await aDb.auditLog.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    });
    const before = await snapshot();
    expect(before.view.config).toMatchObject({ owner: "acme", baseUrl: fake.url, syncIntervalMinutes: 30 });
    expect(before.runs.items.map((r) => r.id)).toEqual([syncRunId]);
    expect(before.audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["integration.connected", "integration.sync_requested"]),
    );

    const b = await orgWithOwner();
    const notFound = { code: "NOT_FOUND" };
    // B sends values of its own (a hijack must not be able to look like a no-op).
    const hijack = {
      name: "Hijacked",
      baseUrl: `${fake.url}/elsewhere`,
      owner: "evil-corp",
      catalogPaths: ["stolen.yaml"],
      syncIntervalMinutes: 5,
      syncTeams: false,
      registerReposWithoutCatalog: true,
    };
    await expect(b.api.integrations.get({ id })).rejects.toMatchObject(notFound);
    await expect(
      b.api.integrations.testGithub({ id, owner: "evil-corp", auth: { type: "saved" } }),
    ).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.saveGithub({ ...hijack, id, auth: { type: "saved" } })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      b.api.integrations.saveGithub({ ...hijack, id, auth: { type: "token", token: "github_pat_attacker" } }),
    ).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.dryRun({ id })).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.syncNow({ id })).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.revealWebhookSecret({ id })).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.delete({ id })).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.syncRun({ id: syncRunId })).rejects.toMatchObject(notFound);
    await expect(b.api.integrations.runs({ id })).rejects.toMatchObject(notFound);
    await expect(b.api.cicd.runsForEntity({ ref: "component:default/service-1" })).rejects.toMatchObject(notFound);
    expect(await b.api.cicd.latestForRefs({ refs: ["component:default/service-1"] })).toEqual({
      "component:default/service-1": null,
    });
    expect(await b.api.integrations.list()).toEqual([]);
    // A's integration, runs and audit trail are exactly as before.
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.view.latestRun?.status).toBe("succeeded");
  });
});
