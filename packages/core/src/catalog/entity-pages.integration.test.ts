import { afterEach, describe, expect, it } from "vitest";
import { scenarioOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { makeMember, makeOrg, makeUser, testDatabase } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../authz";
import { requestSync } from "../integrations/request-sync";
import { adminOf, connectedOrg, recordingQueue, runToEnd, startGitHub, testDeps } from "../integrations/testing";
import { importCatalog } from "./import-catalog";
import { getEntity } from "./get-entity";
import { getRelatedEntities } from "./related-entities";
import { planUnregister, refreshEntitySource, unregisterEntitySource } from "./source-actions";
import { api, component, file, group, system, user } from "@stagedoor/catalog/testing";

const db = testDatabase();
// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: UserPrincipal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const names = (items: Array<{ name: string }> | undefined) => (items ?? []).map((e) => e.name);

async function pastedOrg() {
  const admin = await adminOf(db);
  await importCatalog(admin.tdb, null, {
    source: { type: "PUSH", key: "org" },
    files: [
      file(
        "org.yaml",
        group("platform"),
        group("web", { parent: "platform" }),
        user("alice", ["platform"]),
        user("bob", ["platform", "web"]),
      ),
    ],
  });
  await importCatalog(admin.tdb, null, {
    source: { type: "PUSH", key: "shop" },
    files: [
      file(
        "shop.yaml",
        system("shop", { owner: "platform" }),
        api("orders-api", { system: "shop" }),
        component("orders", { system: "shop", providesApis: ["orders-api"] }),
        component("checkout", { system: "shop", consumesApis: ["orders-api"], dependsOn: ["component:orders"] }),
      ),
    ],
  });
  return admin;
}

describe("kind pages read relation rows", () => {
  it("answers a group's members and child groups, a system's parts, an API's providers and consumers", async () => {
    const { tdb } = await pastedOrg();
    const platform = await getRelatedEntities(tdb, READER, "group:platform");
    expect(names(platform.byType.hasMember)).toEqual(["alice", "bob"]);
    expect(names(platform.byType.parentOf)).toEqual(["web"]);
    expect(names(platform.byType.ownerOf)).toEqual(["shop"]);

    const shop = await getRelatedEntities(tdb, READER, "system:shop", { types: ["hasPart"] });
    expect(Object.keys(shop.byType)).toEqual(["hasPart"]);
    expect(names(shop.byType.hasPart)).toEqual(["checkout", "orders", "orders-api"]);
    expect(shop.byType.hasPart?.map((e) => e.kind)).toEqual(["Component", "Component", "API"]);

    const ordersApi = await getRelatedEntities(tdb, READER, "api:orders-api");
    expect(names(ordersApi.byType.apiProvidedBy)).toEqual(["orders"]);
    expect(names(ordersApi.byType.apiConsumedBy)).toEqual(["checkout"]);
    expect(ordersApi.truncated).toBe(false);

    const bob = await getRelatedEntities(tdb, READER, "user:bob", { limit: 1 });
    expect(names(bob.byType.memberOf)).toEqual(["platform"]);
    expect(bob.truncated).toBe(true);
  });

  it("answers 404 for an entity of another org", async () => {
    await pastedOrg();
    const other = await makeOrg(db);
    await expect(getRelatedEntities(db.forOrg(other.id), READER, "group:platform")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("unregister", () => {
  it("names what goes, refuses members and stale confirmations, then deletes the source's entities", async () => {
    const admin = await pastedOrg();
    const memberUser = await makeUser(db);
    await makeMember(db, admin.org.id, memberUser.id, "MEMBER");
    const member: UserPrincipal = { type: "user", userId: memberUser.id, email: memberUser.email, role: "MEMBER" };

    const entity = await getEntity(admin.tdb, READER, "component:orders");
    expect(entity.origin).toEqual({
      display: 'shop.yaml (registered as "shop")',
      viewUrl: null,
      editUrl: null,
      refresh: null,
    });
    await expect(planUnregister(admin.tdb, member, "component:orders")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const plan = await planUnregister(admin.tdb, admin.actor, "component:orders");
    expect(plan).toEqual({
      source: 'shop.yaml (registered as "shop")',
      entities: [
        "api:default/orders-api",
        "component:default/checkout",
        "component:default/orders",
        "system:default/shop",
      ],
      total: 4,
      comesBack: false,
    });
    await expect(
      unregisterEntitySource(admin.tdb, member, { ref: "component:orders", expectedTotal: 4 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      unregisterEntitySource(admin.tdb, admin.actor, { ref: "component:orders", expectedTotal: 3 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await admin.tdb.catalogEntity.count()).toBe(8);

    const { deleted } = await unregisterEntitySource(admin.tdb, admin.actor, {
      ref: "component:orders",
      expectedTotal: 4,
    });
    expect(deleted).toEqual(plan.entities);
    expect(await admin.tdb.catalogEntity.count()).toBe(4);
    expect(await admin.tdb.catalogSource.count({ where: { key: "shop" } })).toBe(0);
    // The group's ownerOf row was declared by the system, so it went with it.
    expect((await getRelatedEntities(admin.tdb, READER, "group:platform")).byType.ownerOf).toBeUndefined();
    const audit = await admin.tdb.auditLog.findFirstOrThrow({ where: { action: "catalog.unregistered" } });
    expect(audit).toMatchObject({ target: 'shop.yaml (registered as "shop")', actorId: admin.user.id });
    await expect(refreshEntitySource(admin.tdb, admin.actor, testDeps(), "group:platform")).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("entities synced from GitHub", () => {
  it("show their file as owner/repo/path with View source and Edit links, and refresh their repository", async () => {
    const spec = scenarioOrg("onboarding", { org: "acme" });
    fake = await startGitHub({ org: "acme", ...spec });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);

    const payments = await getEntity(ctx.tdb, READER, "component:payments-api");
    expect(payments.origin).toEqual({
      display: "acme/payments-api/catalog-info.yaml",
      viewUrl: `${fake.webUrl}/acme/payments-api/blob/main/catalog-info.yaml`,
      editUrl: `${fake.webUrl}/acme/payments-api/edit/main/catalog-info.yaml`,
      refresh: "repository",
    });
    const docs = await getEntity(ctx.tdb, READER, "component:docs-site");
    expect(docs.origin.display).toBe("acme/docs-site/catalog/docs.yaml");
    const team = await getEntity(ctx.tdb, READER, "group:platform");
    expect(team.origin).toMatchObject({ display: "GitHub teams (GitHub)", refresh: "integration" });

    const recording = recordingQueue();
    const refreshed = await refreshEntitySource(ctx.tdb, ctx.actor, { ...deps, queue: recording.queue }, payments.ref);
    expect(refreshed).toEqual({ queued: "repository" });
    expect(recording.calls).toHaveLength(1);
    expect(recording.calls[0]).toMatchObject({
      method: "enqueue",
      args: [
        "github.syncRepository",
        {
          orgId: ctx.org.id,
          integrationId: ctx.integrationId,
          repository: { fullName: "acme/payments-api" },
          action: "sync",
        },
        { jobId: expect.stringMatching(/^github-repo\./) },
      ],
    });
    const plan = await planUnregister(ctx.tdb, ctx.actor, payments.ref);
    expect(plan).toMatchObject({
      source: "acme/payments-api/catalog-info.yaml",
      entities: ["api:default/payments", "component:default/payments-api"],
      comesBack: true,
    });
  });
});
