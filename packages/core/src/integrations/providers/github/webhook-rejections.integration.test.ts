import { afterEach, describe, expect, it } from "vitest";
import { signedDelivery, type FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { purgeDeliveriesJob } from "../../webhooks/purge-deliveries";
import { createRejectionLimiter } from "../../webhooks/rejection-limiter";
import { revealWebhookSecret } from "../../reveal-webhook-secret";
import { connectedOrg, startGitHub, testDeps } from "../../testing";
import { receiveGitHubWebhook } from "./webhooks/receive-github-webhook";

// Issue 8, finding 7: refused deliveries are counted on the integration, not stored as
// rows, and rate-limited per integration; delivery rows have a retention job.
const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const workflowRun = {
  action: "completed",
  workflow_run: {
    id: 4242,
    name: "CI",
    run_number: 7,
    event: "push",
    status: "completed",
    conclusion: "success",
    head_branch: "main",
    head_sha: "c".repeat(40),
    html_url: "https://github.test/acme/svc/actions/runs/4242",
    created_at: "2026-11-27T09:00:00Z",
    updated_at: "2026-11-27T09:05:00Z",
    run_started_at: "2026-11-27T09:00:00Z",
  },
  repository: { id: 1, name: "svc", full_name: "acme/svc" },
};

async function setup() {
  fake = await startGitHub({ org: "acme" });
  let now = Date.parse("2026-11-27T10:00:00Z");
  const clock = { advance: (ms: number) => (now += ms) };
  const deps = testDeps({ webhookRejections: createRejectionLimiter({ limit: 3, windowMs: 60_000, now: () => now }) });
  const ctx = await connectedOrg(db, deps, fake);
  const deliver = (delivery: { headers: Record<string, string>; body: string }) =>
    receiveGitHubWebhook(db, deps, {
      integrationId: ctx.integrationId,
      headers: delivery.headers,
      rawBody: Buffer.from(delivery.body),
    });
  return { ctx, deps, clock, deliver };
}

describe("refused webhook deliveries", () => {
  it("are counted on the integration, not stored, and rate-limited per integration", async () => {
    const { ctx, deps, clock, deliver } = await setup();
    const forged = () => deliver(signedDelivery("workflow_run", workflowRun, "not-the-secret"));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await forged()).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(await ctx.tdb.webhookDelivery.count()).toBe(0);
    // A forged workflow_run stores no run.
    expect(await ctx.tdb.workflowRun.count()).toBe(0);
    const row = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(row.webhookRejections).toBe(3);
    expect(row.webhookLastRejection).toMatch(/signature/i);

    // A genuine delivery is verified first and never limited.
    const { secret } = await revealWebhookSecret(ctx.tdb, ctx.actor, deps, ctx.integrationId);
    expect((await deliver(signedDelivery("ping", { zen: "hello" }, secret))).status).toBe(200);

    // The next window counts again.
    clock.advance(60_000);
    expect((await forged()).status).toBe(401);
    const after = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(after.webhookRejections).toBe(4);
    expect(await ctx.tdb.webhookDelivery.count({ where: { outcome: "rejected" } })).toBe(0);
  });

  it("are purged past the retention period by the registry's job, in every org, and the rest kept", async () => {
    const { ctx } = await setup();
    const old = new Date(Date.now() - 31 * 24 * 3600_000);
    const recent = new Date(Date.now() - 29 * 24 * 3600_000);
    await ctx.tdb.webhookDelivery.createMany({
      data: [
        {
          orgId: ctx.org.id,
          integrationId: ctx.integrationId,
          deliveryId: "old",
          event: "push",
          outcome: "accepted",
          receivedAt: old,
        },
        {
          orgId: ctx.org.id,
          integrationId: ctx.integrationId,
          deliveryId: "recent",
          event: "push",
          outcome: "accepted",
          receivedAt: recent,
        },
      ],
    });
    const result = await purgeDeliveriesJob.handle(purgeDeliveriesJob.payload.parse({}), {
      db,
      services: { settings: { orphanGraceHours: 24 } },
      job: { id: "test", attemptsMade: 0, attempts: 1 },
    });
    expect(result).toMatchObject({ deleted: expect.any(Number) });
    expect((await ctx.tdb.webhookDelivery.findMany()).map((d) => d.deliveryId)).toEqual(["recent"]);
  });
});
