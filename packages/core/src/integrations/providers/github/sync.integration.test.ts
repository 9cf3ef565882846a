import { afterEach, describe, expect, it } from "vitest";
import { generateOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { getOnboarding } from "../../../onboarding/onboarding";
import { getEntity } from "../../../catalog/get-entity";
import { requestSync } from "../../request-sync";
import type { SyncRuntime } from "./sync/run-step";
import { connectedOrg, memoryFingerprints, runToEnd, startGitHub, testDeps } from "../../testing";
import type { Principal } from "../../../authz";

// Catalog reads are authorized; these tests read as a member of the org under test.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function startOrg(repositories: number) {
  const spec = generateOrg({ org: "acme", repositories, workflowRunsPerRepository: 2 });
  fake = await startGitHub({ org: "acme", ...spec });
  const withCatalog = spec.repositories.filter((r) => r.files?.["catalog-info.yaml"]);
  const locations = withCatalog.filter((r) => r.files?.["catalog-info.yaml"]?.toString().includes("kind: Location"));
  return { gh: fake, spec, withCatalog, locations };
}

async function sync(ctx: Awaited<ReturnType<typeof connectedOrg>>, deps = testDeps(), runtime: SyncRuntime = {}) {
  const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
  const outcomes = await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId, runtime);
  return { run: await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } }), outcomes };
}

describe("GitHub sync", () => {
  it("populates the catalog: components, Location targets, groups and users, relations, CI runs and counts", async () => {
    const { gh, withCatalog, locations } = await startOrg(40);
    expect(withCatalog).toHaveLength(12);
    expect(locations).toHaveLength(1);
    const deps = testDeps({ github: { pageSize: 10, client: { maxRetries: 1, retryBaseDelayMs: 1 } } });
    const ctx = await connectedOrg(db, deps, gh);
    gh.clearRequests();
    const { run, outcomes } = await sync(ctx, deps);

    expect(run.status).toBe("succeeded");
    expect(outcomes.at(-1)).toEqual({ kind: "done" });
    // teams, 4 discovery pages, cleanup, workflow runs: one step each.
    expect(outcomes.length).toBe(7);
    expect(run.reposScanned).toBe(40);
    // 12 catalog files, one of them a Location whose target file is followed.
    expect(run.filesFound).toBe(13);
    expect(run.apiRequests).toBe(gh.requestCount);
    expect(run.rateLimitRemaining).toBeGreaterThan(0);
    expect(run.errors).toEqual([]);

    const components = await ctx.tdb.catalogEntity.findMany({ where: { kind: "component" }, select: { name: true } });
    expect(components.map((c) => c.name).sort()).toEqual(withCatalog.map((r) => r.name).sort());
    expect(await ctx.tdb.catalogEntity.count({ where: { kind: "location" } })).toBe(1);
    const groups = await ctx.tdb.catalogEntity.count({ where: { kind: "group" } });
    const users = await ctx.tdb.catalogEntity.count({ where: { kind: "user" } });
    expect(groups).toBe(10);
    expect(users).toBe(50);
    expect(run.entitiesCreated).toBe(12 + 1 + groups + users);

    const first = withCatalog[0]!.name;
    const team = withCatalog[0]!.teams![0]!.slug;
    const entity = await getEntity(ctx.tdb, READER, `component:default/${first}`);
    expect(entity.owner).toBe(`group:default/${team}`);
    const owner = entity.relations.find((r) => r.type === "ownedBy");
    expect(owner).toMatchObject({ targetRef: `group:default/${team}`, dangling: false });
    const fromLocation = locations[0]!.name;
    expect((await getEntity(ctx.tdb, READER, `component:default/${fromLocation}`)).file).toBe("catalog/component.yaml");

    expect(await ctx.tdb.workflowRun.count()).toBe(12 * 2);
    const integration = await ctx.tdb.integration.findUniqueOrThrow({ where: { id: ctx.integrationId } });
    expect(integration.lastSyncAt).toBeInstanceOf(Date);
    expect((await getOnboarding(ctx.tdb, ctx.actor)).steps.github).toBe("done");
  });

  it("changes nothing on a second sync", async () => {
    const { gh } = await startOrg(12);
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh);
    await sync(ctx, deps);
    const { run } = await sync(ctx, deps);
    expect(run.status).toBe("succeeded");
    expect(run.entitiesCreated).toBe(0);
    expect(run.entitiesUpdated).toBe(0);
    expect(run.entitiesOrphaned).toBe(0);
    expect(run.entitiesUnchanged).toBeGreaterThan(0);
  });

  it("skips importing repositories whose files did not change, and still reports their entities and errors", async () => {
    const { gh, withCatalog } = await startOrg(20);
    gh.setFile(withCatalog[0]!.name, "catalog-info.yaml", "kind: Component\nmetadata:\n  name: Not Valid\n");
    const deps = testDeps();
    const runtime = { fingerprints: memoryFingerprints() };
    const ctx = await connectedOrg(db, deps, gh);
    const imports = () => ctx.tdb.auditLog.count({ where: { action: "catalog.imported" } });
    const { run: first } = await sync(ctx, deps, runtime);
    const importsAfterFirst = await imports();

    const { run: second } = await sync(ctx, deps, runtime);
    // Only the teams source was imported again; every repository was skipped as unchanged.
    expect((await imports()) - importsAfterFirst).toBe(1);
    expect(second).toMatchObject({ status: "succeeded", reposScanned: 20, entitiesCreated: 0, entitiesUpdated: 0 });
    expect(second.entitiesUnchanged).toBe(first.entitiesCreated);
    expect(second.errors).toEqual(first.errors);
    expect((second.errors as unknown[]).length).toBeGreaterThan(0);

    // A changed file is imported; a repository that disappears and comes back is imported again.
    const [, changed, removed] = withCatalog.map((r) => r.name) as [string, string, string];
    gh.setFile(
      changed,
      "catalog-info.yaml",
      String(withCatalog[1]!.files!["catalog-info.yaml"]).replace("production", "experimental"),
    );
    const spec = { ...withCatalog[2]!, files: { ...withCatalog[2]!.files } };
    gh.deleteRepository(removed);
    const { run: third } = await sync(ctx, deps, runtime);
    expect(third).toMatchObject({ entitiesUpdated: 1, entitiesOrphaned: 1 });
    gh.createRepository(spec);
    const { run: fourth } = await sync(ctx, deps, runtime);
    expect(fourth.entitiesUpdated).toBe(1);
    const back = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { ref: `component:default/${removed}` } });
    expect(back.orphanedAt).toBeNull();
  });

  it("follows renamed repositories and orphans deleted and archived ones", async () => {
    const { gh, withCatalog } = await startOrg(12);
    const [renamed, deleted, archived] = withCatalog.map((r) => r.name) as [string, string, string];
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh);
    await sync(ctx, deps);
    const before = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { ref: `component:default/${renamed}` } });

    gh.renameRepository(renamed, `${renamed}-renamed`);
    gh.deleteRepository(deleted);
    gh.setArchived(archived, true);
    const { run } = await sync(ctx, deps);

    expect(run.status).toBe("succeeded");
    expect(run.entitiesOrphaned).toBe(2);
    // The renamed repository kept its source: same entity row, not orphaned, not re-created.
    const after = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { ref: `component:default/${renamed}` } });
    expect(after.id).toBe(before.id);
    expect(after.orphanedAt).toBeNull();
    const orphans = await ctx.tdb.catalogEntity.findMany({
      where: { orphanedAt: { not: null } },
      select: { ref: true },
    });
    expect(orphans.map((o) => o.ref).sort()).toEqual(
      [`component:default/${archived}`, `component:default/${deleted}`].sort(),
    );
  });

  it("lists repositories without a catalog file as generated Components when asked to", async () => {
    const { gh } = await startOrg(6);
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh, { registerReposWithoutCatalog: true });
    const { run } = await sync(ctx, deps);
    expect(run.status).toBe("succeeded");
    const generated = await getEntity(ctx.tdb, READER, "component:default/service-2");
    expect(generated.entity.metadata.annotations?.["github.com/project-slug"]).toBe("acme/service-2");
    // service-2 has `* @acme/team-2` in CODEOWNERS; service-3 has no CODEOWNERS, only a team with access.
    expect(generated.owner).toBe("group:default/team-2");
    expect((await getEntity(ctx.tdb, READER, "component:default/service-3")).owner).toBe("group:default/team-3");
    expect(generated.type).toBe("service");
    expect(generated.lifecycle).toBe("unknown");
  });
});
