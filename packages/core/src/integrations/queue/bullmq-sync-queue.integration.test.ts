import { afterAll, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { deleteIntegration } from "../delete-integration";
import { connectedOrg, startGitHub, testDeps } from "../testing";
import { createBullSyncQueue } from "./bullmq-sync-queue";
import { jobIds } from "./sync-jobs";

// The BullMQ adapter's real calls against the real Redis (other tests record them in memory).
const db = testDatabase();
const prefix = `${process.env.QUEUE_PREFIX}-bullq-${process.pid}-${Date.now()}`;
const queue = createBullSyncQueue({ connection: { url: process.env.REDIS_URL!, maxRetriesPerRequest: null }, prefix });
const fakes: FakeGitHub[] = [];
afterAll(async () => {
  for (const fake of fakes) await fake.close();
  await queue.queue.obliterate({ force: true });
  await queue.close();
});

describe("BullMQ sync queue", () => {
  it("keeps one scheduler per integration, and deleting the integration removes it", async () => {
    const fake = await startGitHub({ org: "acme" });
    fakes.push(fake);
    const deps = testDeps({ queue });
    const ctx = await connectedOrg(db, deps, fake, { syncIntervalMinutes: 15 });
    const scheduler = () => queue.queue.getJobScheduler(jobIds.scheduler(ctx.integrationId));
    expect(await scheduler()).toMatchObject({ every: 15 * 60_000, name: "integrations.sync" });
    expect((await scheduler())?.template?.data).toEqual({ orgId: ctx.org.id, integrationId: ctx.integrationId });
    expect(await queue.schedulerKeys()).toContain(jobIds.scheduler(ctx.integrationId));

    await deleteIntegration(ctx.tdb, ctx.actor, deps, ctx.integrationId);
    expect(await scheduler()).toBeUndefined();
    expect(await queue.schedulerKeys()).not.toContain(jobIds.scheduler(ctx.integrationId));
  });

  it("adds a step or a provider's job once per deterministic id", async () => {
    const step = { orgId: "org-1", integrationId: "int-1", syncRunId: "run-1", step: 2 };
    await queue.enqueueStep("github", step);
    await queue.enqueueStep("github", step);
    await queue.enqueue(
      "github.syncTeams",
      { orgId: "org-1", integrationId: "int-1" },
      { jobId: "t-1", delayMs: 60_000 },
    );
    await queue.enqueue(
      "github.syncTeams",
      { orgId: "org-1", integrationId: "int-1" },
      { jobId: "t-1", delayMs: 60_000 },
    );
    const jobs = await queue.queue.getJobs(["waiting", "delayed"]);
    const mine = jobs.filter((j) => j.data.integrationId === "int-1");
    expect(mine.map((j) => ({ id: j.id, name: j.name })).sort((a, b) => a.id!.localeCompare(b.id!))).toEqual([
      { id: jobIds.step("run-1", 2), name: "github.syncStep" },
      { id: "t-1", name: "github.syncTeams" },
    ]);
    expect(await queue.queue.getJob("t-1").then((j) => j?.getState())).toBe("delayed");
  });
});
