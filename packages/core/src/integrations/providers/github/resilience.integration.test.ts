import { afterEach, describe, expect, it } from "vitest";
import type { GitHubClient } from "@stagedoor/connectors";
import { createManualClock, generateOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { openGitHubClient, type GitHubIntegration } from "./open-client";
import { requestSync } from "../../request-sync";
import { readCheckpoint } from "./sync/checkpoint";
import { runSyncStep, type SyncRuntime } from "./sync/run-step";
import { syncRepository } from "./sync/sync-repository";
import type { IntegrationDeps } from "../../deps";
import { connectedOrg, FAKE_TOKEN, runToEnd, startGitHub, testDeps } from "../../testing";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** One client per integration for the whole test, as the worker keeps one between steps. */
function cachedRuntime(deps: IntegrationDeps): SyncRuntime {
  const clients = new Map<string, GitHubClient>();
  return {
    async clientFor(integration: GitHubIntegration) {
      const client = clients.get(integration.row.id) ?? (await openGitHubClient(deps, integration));
      clients.set(integration.row.id, client);
      return client;
    },
  };
}

const org = (repositories: number) => generateOrg({ org: "acme", repositories, locationRatio: 0 });

describe("sync resilience", () => {
  it("pauses when the rate limit is spent, sends nothing until the reset, then resumes from its checkpoint", async () => {
    const clock = createManualClock();
    fake = await startGitHub({ org: "acme", now: clock.now, ...org(25) });
    const deps = testDeps({ github: { pageSize: 10, client: { clock, maxRetries: 1, retryBaseDelayMs: 1 } } });
    const ctx = await connectedOrg(db, deps, fake);
    const runtime = cachedRuntime(deps);
    // Enough GraphQL budget for the teams query and two discovery pages, then nothing for 10 minutes.
    fake.setRateLimit("graphql", { limit: 5000, remaining: 3, resetAt: clock.now() + 10 * 60_000 });
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });

    const first = await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId, runtime);
    const paused = first.at(-1)!;
    expect(paused).toMatchObject({ kind: "paused" });
    const run = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(run.status).toBe("paused");
    expect(run.pausedUntil!.getTime()).toBeGreaterThanOrEqual(clock.now() + 9 * 60_000);
    expect(run.rateLimitRemaining).toBe(0);
    expect(readCheckpoint(run.checkpoint)).toMatchObject({ phase: "repositories", step: 3 });
    expect(run.reposScanned).toBe(20);

    // A resumed job that comes too early spends no request: the client knows the limit is spent.
    const sent = fake.requestCount;
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId, runtime)).at(-1)).toMatchObject({
      kind: "paused",
    });
    expect(fake.requestCount).toBe(sent);

    clock.advance(11 * 60_000);
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId, runtime)).at(-1)).toEqual({ kind: "done" });
    const done = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(done).toMatchObject({ status: "succeeded", reposScanned: 25, pausedUntil: null });
    expect(done.apiRequests).toBe(fake.requestCount);
  });

  it("a step redone after a crash (writes made, checkpoint not saved) duplicates nothing", async () => {
    fake = await startGitHub({ org: "acme", ...org(30) });
    const deps = testDeps({ github: { pageSize: 10, client: { maxRetries: 1, retryBaseDelayMs: 1 } } });
    const ctx = await connectedOrg(db, deps, fake);
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    const job = (step: number) => ({ orgId: ctx.org.id, integrationId: ctx.integrationId, syncRunId, step });

    expect(await runSyncStep(ctx.tdb, deps, job(0))).toEqual({ kind: "continue", step: 1 });
    const before = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(await runSyncStep(ctx.tdb, deps, job(1))).toEqual({ kind: "continue", step: 2 });
    const entitiesAfterStep = await ctx.tdb.catalogEntity.count();
    // The worker died after the step's imports but before its checkpoint was saved:
    // put the run back exactly as it was before the step, and let the retried job redo it.
    await ctx.tdb.syncRun.update({
      where: { id: syncRunId },
      data: {
        checkpoint: before.checkpoint ?? {},
        reposScanned: before.reposScanned,
        entitiesCreated: before.entitiesCreated,
      },
    });
    expect(await runSyncStep(ctx.tdb, deps, job(1))).toEqual({ kind: "continue", step: 2 });
    expect(await ctx.tdb.catalogEntity.count()).toBe(entitiesAfterStep);
    const redone = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(redone.reposScanned).toBe(10);
    expect(redone.entitiesUnchanged).toBeGreaterThan(0);

    // A duplicate of a step that already committed (a stalled job handed out twice) is a no-op.
    expect(await runSyncStep(ctx.tdb, deps, job(1))).toEqual({ kind: "stale", step: 2 });
    expect((await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } })).reposScanned).toBe(10);

    // Killed between steps: a fresh process (no cached client) resumes from the checkpoint.
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId)).at(-1)).toEqual({ kind: "done" });
    const done = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(done).toMatchObject({ status: "succeeded", reposScanned: 30 });
    expect(await ctx.tdb.catalogEntity.count({ where: { kind: "component" } })).toBe(9);
  });

  it("a transient GitHub failure mid-sync is retried by the job, not recorded as progress", async () => {
    fake = await startGitHub({ org: "acme", ...org(20) });
    const deps = testDeps({ github: { pageSize: 10, client: { maxRetries: 1, retryBaseDelayMs: 1 } } });
    const ctx = await connectedOrg(db, deps, fake);
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    const job = (step: number) => ({ orgId: ctx.org.id, integrationId: ctx.integrationId, syncRunId, step });
    await runSyncStep(ctx.tdb, deps, job(0));
    fake.injectFault({ type: "server-error", status: 502 }, { match: (p) => p.startsWith("/graphql"), times: 2 });
    await expect(runSyncStep(ctx.tdb, deps, job(1))).rejects.toThrow();
    const run = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    expect(readCheckpoint(run.checkpoint).step).toBe(1);
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId)).at(-1)).toEqual({ kind: "done" });
  });

  it("fails the run and flags the integration when GitHub rejects the credentials", async () => {
    fake = await startGitHub({ org: "acme", ...org(5) });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    // The token is revoked on GitHub's side.
    delete fake.auth.tokens[FAKE_TOKEN];
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    const outcome = (await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId)).at(-1);
    expect(outcome).toMatchObject({ kind: "failed" });
    expect(await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } })).toMatchObject({ status: "failed" });
    const integration = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(integration.status).toBe("error");
    expect(integration.statusMessage).toMatch(/401/);
  });

  it("keeps the catalog when the credentials are revoked between syncs: nothing orphaned", async () => {
    fake = await startGitHub({ org: "acme", ...org(5) });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    const first = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, first.syncRunId)).at(-1)).toEqual({ kind: "done" });
    const entities = async () =>
      (await ctx.tdb.catalogEntity.findMany({ select: { ref: true, orphanedAt: true }, orderBy: { ref: "asc" } })).map(
        (e) => ({ ref: e.ref, orphaned: e.orphanedAt !== null }),
      );
    const synced = await entities();
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.filter((e) => e.orphaned)).toEqual([]);

    delete fake.auth.tokens[FAKE_TOKEN];
    const second = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    expect((await runToEnd(ctx.tdb, deps, ctx.integrationId, second.syncRunId)).at(-1)).toMatchObject({
      kind: "failed",
    });
    expect(await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: second.syncRunId } })).toMatchObject({
      status: "failed",
      entitiesOrphaned: 0,
    });
    // Every entity is still there and none was orphaned by the failed sync.
    expect(await entities()).toEqual(synced);
  });

  it("a job carrying org A's id never touches org B's integration or catalog", async () => {
    fake = await startGitHub({ org: "acme", ...org(5) });
    const deps = testDeps();
    const a = await connectedOrg(db, deps, fake);
    const b = await connectedOrg(db, deps, fake);
    const { syncRunId } = await requestSync(b.tdb, b.actor, deps, { id: b.integrationId });
    const forged = { orgId: a.org.id, integrationId: b.integrationId, syncRunId, step: 0 };
    expect(await runSyncStep(a.tdb, deps, forged)).toEqual({ kind: "gone" });
    const repo = { orgId: a.org.id, integrationId: b.integrationId, repository: { id: 1000, fullName: "acme/x" } };
    expect(await syncRepository(a.tdb, deps, { ...repo, action: "sync", deliveryId: "d1" }, "wh-forged")).toEqual({
      kind: "gone",
    });
    expect(await b.tdb.catalogSource.count()).toBe(0);
    expect(await b.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } })).toMatchObject({ status: "queued" });
    expect(await a.tdb.syncRun.count()).toBe(0);
    expect(await a.tdb.catalogSource.count()).toBe(0);
  });
});
