import { afterAll, afterEach, describe, expect, it } from "vitest";
import { signedDelivery, signWebhookPayload, type FakeGitHub } from "@stagedoor/connectors/testing";
import {
  createBullSyncQueue,
  getEntity,
  requestSync,
  revealWebhookSecret,
  runsForEntity,
  syncRepository,
  type RepositoryJob,
} from "@stagedoor/core";
import { connectedOrg, runToEnd, startGitHub, testDeps } from "@stagedoor/core/integrations-testing";
import { testDatabase } from "@stagedoor/db/testing";
import { handleGitHubWebhook, handleProviderWebhook, MAX_WEBHOOK_BYTES } from "./provider-webhook";
import type { Principal } from "@stagedoor/core";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
const prefix = `${process.env.QUEUE_PREFIX}-webhooks-${process.pid}`;
const queue = createBullSyncQueue({ connection: { url: process.env.REDIS_URL!, maxRetriesPerRequest: null }, prefix });
const deps = testDeps({ queue });

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await queue.queue.obliterate({ force: true });
});
afterAll(() => queue.close());

const component = (description: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  description: ${description}\n  annotations:\n    github.com/project-slug: acme/svc\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

const LOCATION = [
  "apiVersion: backstage.io/v1alpha1",
  "kind: Location",
  "metadata:",
  "  name: svc-location",
  "spec:",
  "  type: url",
  "  target: ./catalog/svc.yaml",
  "",
].join("\n");

/** An org whose GitHub has one repository, synced once; returns what a webhook test needs. */
async function syncedOrg(files: Record<string, string> = { "catalog-info.yaml": component("v1") }) {
  fake = await startGitHub({ org: "acme", repositories: [{ name: "svc", files }] });
  const ctx = await connectedOrg(db, deps, fake);
  const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
  await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);
  await queue.queue.obliterate({ force: true });
  const { secret } = await revealWebhookSecret(ctx.tdb, ctx.actor, deps, ctx.integrationId);
  const repo = fake.state.repository("svc");
  const repository = { id: repo.id, node_id: repo.nodeId, name: "svc", full_name: "acme/svc", default_branch: "main" };
  return { ...ctx, secret, repository };
}

function post(integrationId: string, delivery: { headers: Record<string, string>; body: string | Uint8Array }) {
  const request = new Request(`http://portal.test/api/webhooks/github/${integrationId}`, {
    method: "POST",
    headers: delivery.headers,
    body: delivery.body,
  });
  return handleGitHubWebhook(request, integrationId, { db, integrations: deps });
}

const pushTouching = (repository: object, path: string) => ({
  ref: "refs/heads/main",
  before: "a".repeat(40),
  after: "b".repeat(40),
  forced: false,
  repository,
  commits: [{ id: "b".repeat(40), added: [], modified: [path], removed: [] }],
});

const waiting = async () =>
  (await queue.queue.getJobs(["waiting", "delayed"])).map((j) => ({ name: j.name, data: j.data }));

describe("GitHub webhooks", () => {
  it("refuses forged, unknown, malformed and oversize deliveries, logs them, and enqueues nothing", async () => {
    const ctx = await syncedOrg();
    const forged = signedDelivery("push", pushTouching(ctx.repository, "catalog-info.yaml"), "not-the-secret");
    expect((await post(ctx.integrationId, forged)).status).toBe(401);
    const unsigned = { ...forged, headers: { ...forged.headers, "x-hub-signature-256": "" } };
    expect((await post(ctx.integrationId, unsigned)).status).toBe(401);
    expect((await post("no-such-integration", signedDelivery("push", {}, ctx.secret))).status).toBe(404);
    expect((await post("../../etc", signedDelivery("push", {}, ctx.secret))).status).toBe(404);

    const body = "{not json";
    const headers = {
      ...signedDelivery("push", {}, ctx.secret).headers,
      "x-hub-signature-256": signWebhookPayload(ctx.secret, body),
    };
    expect((await post(ctx.integrationId, { headers, body })).status).toBe(400);

    const huge = new Uint8Array(MAX_WEBHOOK_BYTES + 1).fill(32);
    expect((await post(ctx.integrationId, { headers: forged.headers, body: huge })).status).toBe(413);

    expect(await waiting()).toEqual([]);
    // Refusals are counted on the integration, never stored as rows (issue 8, finding 7), so a
    // forgery can neither add rows nor pre-empt the real delivery's id.
    expect(await ctx.tdb.webhookDelivery.count()).toBe(0);
    const refused = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(refused.webhookRejections).toBe(3);
    const genuine = signedDelivery(
      "push",
      pushTouching(ctx.repository, "catalog-info.yaml"),
      ctx.secret,
      forged.headers["x-github-delivery"],
    );
    expect((await post(ctx.integrationId, genuine)).status).toBe(202);
  });

  it("re-syncs only the pushed repository, once per delivery id", async () => {
    const ctx = await syncedOrg();
    fake!.setFile("svc", "catalog-info.yaml", component("v2"));
    const delivery = signedDelivery("push", pushTouching(ctx.repository, "catalog-info.yaml"), ctx.secret);
    const first = await post(ctx.integrationId, delivery);
    expect(first.status).toBe(202);
    const again = await post(ctx.integrationId, delivery);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });

    const jobs = await waiting();
    expect(jobs).toEqual([
      {
        name: "github.syncRepository",
        data: {
          orgId: ctx.org.id,
          integrationId: ctx.integrationId,
          repository: { id: ctx.repository.id, fullName: "acme/svc" },
          action: "sync",
          deliveryId: delivery.headers["x-github-delivery"],
        },
      },
    ]);
    const outcome = await syncRepository(ctx.tdb, deps, jobs[0]!.data as RepositoryJob, "wh-test-push");
    expect(outcome).toEqual({ kind: "done" });
    expect((await getEntity(ctx.tdb, READER, "component:default/svc")).description).toBe("v2");
    const run = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: "wh-test-push" } });
    expect(run).toMatchObject({ trigger: "webhook", status: "succeeded", reposScanned: 1, entitiesUpdated: 1 });
    // Pushes that touch no catalog file are recorded and ignored.
    const other = await post(
      ctx.integrationId,
      signedDelivery("push", pushTouching(ctx.repository, "README.md"), ctx.secret),
    );
    expect(await other.json()).toMatchObject({ outcome: "ignored" });
    expect(await waiting()).toHaveLength(1);
  });

  it("re-syncs a repository when a push changes a Location target in it", async () => {
    const ctx = await syncedOrg({ "catalog-info.yaml": LOCATION, "catalog/svc.yaml": component("v1") });
    fake!.setFile("svc", "catalog/svc.yaml", component("v2"));
    const response = await post(
      ctx.integrationId,
      signedDelivery("push", pushTouching(ctx.repository, "catalog/svc.yaml"), ctx.secret),
    );
    expect(response.status).toBe(202);
    const [job] = await waiting();
    await syncRepository(ctx.tdb, deps, job!.data as RepositoryJob, "wh-test-location");
    expect((await getEntity(ctx.tdb, READER, "component:default/svc")).description).toBe("v2");
  });

  it("orphans a deleted repository's entities, and coalesces team changes into one teams sync", async () => {
    const ctx = await syncedOrg();
    const deleted = signedDelivery("repository", { action: "deleted", repository: ctx.repository }, ctx.secret);
    expect((await post(ctx.integrationId, deleted)).status).toBe(202);
    for (const action of ["added", "removed"]) {
      const membership = {
        action,
        organization: { login: "acme" },
        team: { slug: "team-a" },
        member: { login: "dev" },
      };
      expect((await post(ctx.integrationId, signedDelivery("membership", membership, ctx.secret))).status).toBe(202);
    }
    const jobs = await waiting();
    expect(jobs.filter((j) => j.name === "github.syncTeams")).toHaveLength(1);
    const removal = jobs.find((j) => j.name === "github.syncRepository")!;
    expect(removal.data).toMatchObject({ action: "remove" });
    await syncRepository(ctx.tdb, deps, removal.data as RepositoryJob, "wh-test-delete");
    const entity = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { ref: "component:default/svc" } });
    expect(entity.orphanedAt).toBeInstanceOf(Date);
  });

  it("stores a completed workflow run from the delivery itself", async () => {
    const ctx = await syncedOrg();
    const run = {
      id: 98765,
      name: "CI",
      head_branch: "main",
      head_sha: "c".repeat(40),
      event: "push",
      status: "completed",
      conclusion: "failure",
      html_url: "https://github.com/acme/svc/actions/runs/98765",
      created_at: "2026-01-02T10:00:00Z",
      run_started_at: "2026-01-02T10:00:00Z",
      updated_at: "2026-01-02T10:03:20Z",
      run_number: 7,
      actor: { login: "octocat" },
    };
    const delivery = signedDelivery(
      "workflow_run",
      { action: "completed", workflow_run: run, repository: ctx.repository },
      ctx.secret,
    );
    expect((await post(ctx.integrationId, delivery)).status).toBe(202);
    const runs = await runsForEntity(ctx.tdb, ctx.actor, "component:default/svc");
    expect(runs[0]).toMatchObject({
      id: "98765",
      workflowName: "CI",
      conclusion: "failure",
      durationSeconds: 200,
      url: run.html_url,
      actor: "octocat",
    });
    expect(await waiting()).toEqual([]);
  });

  it("routes by provider kind: an unknown kind is 404 and reaches no integration", async () => {
    const ctx = await syncedOrg();
    const delivery = signedDelivery("push", pushTouching(ctx.repository, "catalog-info.yaml"), ctx.secret);
    const request = new Request(`http://portal.test/api/webhooks/gitlab/${ctx.integrationId}`, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    });
    const response = await handleProviderWebhook(request, "gitlab", ctx.integrationId, { db, integrations: deps });
    expect(response.status).toBe(404);
    expect(await waiting()).toEqual([]);
    expect(await ctx.tdb.webhookDelivery.count()).toBe(0);
  });
});
