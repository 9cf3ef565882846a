import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { generateOrg, startFakeStripe, type FakeGitHub } from "@stagedoor/connectors/testing";
import {
  createBullSyncQueue,
  createOrgSlots,
  jobIds,
  reconcileIntegrations,
  requestScimCatalogRefresh,
  requestSeatSync,
  stripeBilling,
  type StripeBilling,
  requestSync,
  type BullSyncQueue,
  type StepOutcome,
} from "@stagedoor/core";
import { connectedOrg, startGitHub, testDeps } from "@stagedoor/core/integrations-testing";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import { startSyncWorker, type RunningSyncWorker } from "./sync-worker";

const db = testDatabase();
const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
let n = 0;
const prefixes: string[] = [];
const nextPrefix = () => {
  const prefix = `${process.env.QUEUE_PREFIX}-sync-${process.pid}-${n++}`;
  prefixes.push(prefix);
  return prefix;
};

const fakes: FakeGitHub[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const fake of fakes.splice(0)) await fake.close();
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
  }
  connection.disconnect();
});

async function fakeOrg(repositories: number) {
  const fake = await startGitHub({ org: "acme", ...generateOrg({ org: "acme", repositories, locationRatio: 0 }) });
  fakes.push(fake);
  return fake;
}

function producer(prefix: string): BullSyncQueue {
  const queue = createBullSyncQueue({ connection, prefix });
  closers.push(() => queue.close());
  return queue;
}

async function worker(
  prefix: string,
  options: { concurrency?: number; billing?: StripeBilling } = {},
): Promise<RunningSyncWorker> {
  const running = await startSyncWorker({
    db,
    connection,
    prefix,
    concurrency: options.concurrency ?? 2,
    secrets: testDeps().secrets,
    allowPrivateNetworks: true,
    // Other test files share the database; reconciling would pick up their runs.
    reconcile: false,
    github: { pageSize: 10, client: { maxRetries: 1, retryBaseDelayMs: 1 } },
    ...(options.billing ? { billing: options.billing } : {}),
  });
  closers.unshift(() => running.close());
  return running;
}

async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("sync worker", () => {
  it("runs the debounced SCIM catalog refresh: provisioned users appear in the catalog once it ran", async () => {
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const org = await makeOrg(db);
    const tdb = db.forOrg(org.id);
    for (const userName of ["ada@example.test", "grace@example.test"]) {
      await tdb.scimUser.create({
        data: { orgId: org.id, userName, userNameKey: userName, emails: [{ value: userName, primary: true }] },
      });
    }
    // Two writes' requests in one window are one delayed job (a short window keeps the test quick).
    const now = Date.now();
    await requestScimCatalogRefresh(queue, org.id, now, 200);
    await requestScimCatalogRefresh(queue, org.id, now, 200);
    expect(await queue.queue.getJobCounts("delayed")).toMatchObject({ delayed: 1 });
    expect(await tdb.catalogEntity.count({ where: { kind: "user" } })).toBe(0);
    await worker(prefix);
    const users = await waitFor(async () => {
      const rows = await tdb.catalogEntity.findMany({ where: { kind: "user" }, select: { name: true } });
      return rows.length === 2 ? rows : null;
    }, "the SCIM users in the catalog");
    expect(users.map((u) => u.name).sort()).toEqual(["ada_example.test", "grace_example.test"]);
  });

  it("keeps a Team org's seats in step with Stripe through the Stripe client in its job services", async () => {
    const stripe = await startFakeStripe({ prices: { price_team: { nickname: "Team", unitAmount: 2000 } } });
    closers.push(() => stripe.close());
    const billing = stripeBilling({ secretKey: "sk_test_local", apiBase: stripe.url, prices: "team=price_team" });
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const org = await makeOrg(db);
    for (let i = 0; i < 3; i++) await makeMember(db, org.id, (await makeUser(db)).id);
    const customer = await billing.stripe.customers.create({ name: org.slug });
    const sub = stripe.createSubscription(customer.id, [{ price: "price_team", quantity: 1 }]);
    await db.admin.orgBilling.create({
      data: {
        orgId: org.id,
        stripeCustomerId: customer.id,
        stripeSubscriptionId: sub.id,
        plan: "team",
        status: "active",
      },
    });
    // Three joins in one (short) window: one job, one subscription change.
    const now = Date.now();
    for (let i = 0; i < 3; i++) await requestSeatSync(queue, org.id, now, 200);
    await worker(prefix, { billing });
    await waitFor(async () => stripe.subscriptions.get(sub.id)!.items.data[0].quantity === 3, "seats updated");
    expect(stripe.requests.filter((r) => r === `POST /v1/subscriptions/${sub.id}`)).toHaveLength(1);
    await waitFor(
      async () => (await db.admin.auditLog.count({ where: { orgId: org.id, action: "billing.seats_synced" } })) === 1,
      "the audit entry",
    );
  });

  it("runs a requested sync to the end, schedules the integration, and treats a double click as one sync", async () => {
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const deps = testDeps({ queue });
    const fake = await fakeOrg(25);
    const ctx = await connectedOrg(db, deps, fake);
    expect(await queue.queue.getJobScheduler(jobIds.scheduler(ctx.integrationId))).toMatchObject({
      every: 30 * 60_000,
    });

    const [a, b] = await Promise.all([
      requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId }),
      requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId }),
    ]);
    expect(a.syncRunId).toBe(b.syncRunId);
    expect(await queue.queue.getJobCounts("waiting")).toMatchObject({ waiting: 1 });

    await worker(prefix);
    const run = await waitFor(
      () => ctx.tdb.syncRun.findFirst({ where: { id: a.syncRunId, status: { in: ["succeeded", "failed"] } } }),
      "the sync to finish",
    );
    expect(run).toMatchObject({ status: "succeeded", reposScanned: 25 });
    expect(await ctx.tdb.syncRun.count()).toBe(1);
  });

  it("interleaves a big org's sync with a small org's, so the small one is not held back", async () => {
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const deps = testDeps({ queue });
    const big = await connectedOrg(db, deps, await fakeOrg(100));
    const small = await connectedOrg(db, deps, await fakeOrg(5));
    const bigRun = await requestSync(big.tdb, big.actor, deps, { id: big.integrationId });
    const smallRun = await requestSync(small.tdb, small.actor, deps, { id: small.integrationId });

    const finished: Array<{ run: string; kind: StepOutcome["kind"] }> = [];
    const running = await worker(prefix, { concurrency: 1 });
    running.worker.on("completed", (job, result: StepOutcome) => {
      if (job.name === "github.syncStep") finished.push({ run: job.data.syncRunId, kind: result.kind });
    });
    await waitFor(() => Promise.resolve(finished.filter((f) => f.kind === "done").length === 2), "both syncs");

    const smallDone = finished.findIndex((f) => f.run === smallRun.syncRunId && f.kind === "done");
    const bigDone = finished.findIndex((f) => f.run === bigRun.syncRunId && f.kind === "done");
    const bigStepsBeforeSmallDone = finished.slice(0, smallDone).filter((f) => f.run === bigRun.syncRunId).length;
    const bigSteps = finished.filter((f) => f.run === bigRun.syncRunId).length;
    // Teams, 10 discovery pages, cleanup, CI runs: the big sync has 13 steps, the small one 4.
    expect(bigSteps).toBe(13);
    expect(smallDone).toBeLessThan(bigDone);
    // Round-robin: the small sync waited for about as many big steps as it has steps itself.
    expect(bigStepsBeforeSmallDone).toBeLessThanOrEqual(4);
  });

  it("waits out a rate limit with the job delayed and the run paused", async () => {
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const deps = testDeps({ queue });
    const fake = await fakeOrg(5);
    const ctx = await connectedOrg(db, deps, fake);
    const reset = Date.now() + 3600_000;
    fake.setRateLimit("graphql", { limit: 5000, remaining: 0, resetAt: reset });
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    await worker(prefix);
    const run = await waitFor(
      () => ctx.tdb.syncRun.findFirst({ where: { id: syncRunId, status: "paused" } }),
      "the pause",
    );
    expect(Math.abs(run.pausedUntil!.getTime() - reset)).toBeLessThan(5_000);
    const job = await waitFor(async () => {
      const found = await queue.queue.getJob(jobIds.step(syncRunId, 0));
      return found && (await found.getState()) === "delayed" ? found : null;
    }, "the delayed job");
    // The delayed set is scored by the time the job comes back (ms × 4096 + a sequence number).
    const score = Number(await connection.zscore(`${prefix}:integrations:delayed`, String(job.id)));
    expect(Math.floor(score / 4096)).toBeGreaterThanOrEqual(reset);
    // Waiting for a rate limit is not a failed attempt.
    expect(job.attemptsMade).toBe(0);
  });

  it("rebuilds schedulers and in-flight runs from the database after Redis lost them", async () => {
    const prefix = nextPrefix();
    const queue = producer(prefix);
    const deps = testDeps({ queue });
    const ctx = await connectedOrg(db, deps, await fakeOrg(3), { syncIntervalMinutes: 15 });
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    await queue.queue.upsertJobScheduler(
      jobIds.scheduler("deleted-integration"),
      { every: 60_000 },
      { name: "github.sync" },
    );

    await queue.queue.obliterate({ force: true });
    expect(await queue.queue.getJobSchedulers()).toEqual([]);

    // The test database is shared by parallel test files, so only this org's objects are checked.
    const stepJobs = async () =>
      (await queue.queue.getJobs(["waiting", "delayed"])).filter((j) => j.data.syncRunId === syncRunId);
    const report = await reconcileIntegrations(db, queue);
    expect(report.resumedRuns).toBeGreaterThanOrEqual(1);
    expect(await queue.queue.getJobScheduler(jobIds.scheduler(ctx.integrationId))).toMatchObject({
      every: 15 * 60_000,
    });
    expect(await queue.queue.getJobScheduler(jobIds.scheduler("deleted-integration"))).toBeUndefined();
    expect((await stepJobs()).map((j) => j.id)).toEqual([jobIds.step(syncRunId, 0)]);
    const next = (await queue.queue.getJobScheduler(jobIds.scheduler(ctx.integrationId)))?.next;
    // Reconciling again changes nothing: one job for the run, the scheduler's next run kept.
    await reconcileIntegrations(db, queue);
    expect((await stepJobs()).map((j) => j.id)).toEqual([jobIds.step(syncRunId, 0)]);
    expect((await queue.queue.getJobScheduler(jobIds.scheduler(ctx.integrationId)))?.next).toBe(next);
  });

  it("limits how many jobs of one org run at once, and lets a crashed holder's slot expire", async () => {
    // The lease runs on an injected clock: expiry is tested by moving time, not by waiting.
    let now = 1_000_000;
    const slots = createOrgSlots(connection, { prefix: nextPrefix(), limit: 2, leaseMs: 60_000, now: () => now });
    expect(await slots.acquire("org-a", "job-1")).toBe(true);
    expect(await slots.acquire("org-a", "job-2")).toBe(true);
    expect(await slots.acquire("org-a", "job-3")).toBe(false);
    expect(await slots.acquire("org-b", "job-4")).toBe(true);
    await slots.release("org-a", "job-1");
    expect(await slots.acquire("org-a", "job-3")).toBe(true);
    // job-2 and job-3 "crash" without releasing: just before their leases end they still count...
    now += 59_999;
    expect(await slots.acquire("org-a", "job-5")).toBe(false);
    // ...and once the leases have run out, their slots are free again.
    now += 2;
    expect(await slots.acquire("org-a", "job-5")).toBe(true);
    expect(await slots.acquire("org-a", "job-6")).toBe(true);
    expect(await slots.acquire("org-a", "job-7")).toBe(false);
  });
});
