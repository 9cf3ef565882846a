import { afterEach, describe, expect, it } from "vitest";
import { generateOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { runsForEntity } from "../../../cicd/workflow-runs";
import type { Principal } from "../../../authz";
import { requestSync } from "../../request-sync";
import { connectedOrg, FAKE_TOKEN, runToEnd, startGitHub, testDeps } from "../../testing";

// CI status comes with discovery (the default branch's check suites in the same GraphQL
// query); REST run lists are read only for repositories whose status moved since the last
// sync, or whose checks the connection may not read.
const READER: Principal = { type: "user", userId: "test-reader", email: "reader@example.test", role: "MEMBER" };

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(permissions?: Record<string, "read">) {
  const spec = generateOrg({ org: "acme", repositories: 30, workflowRunsPerRepository: 2 });
  fake = await startGitHub({
    org: "acme",
    ...spec,
    ...(permissions ? { tokens: { [FAKE_TOKEN]: { login: "octocat", permissions } } } : {}),
  });
  const withCatalog = spec.repositories.filter((r) => r.files?.["catalog-info.yaml"]?.toString().includes("Component"));
  const allCatalog = spec.repositories.filter((r) => r.files?.["catalog-info.yaml"]).map((r) => r.name);
  return { gh: fake, withCatalog: withCatalog.map((r) => r.name), allCatalog };
}

async function sync(ctx: Awaited<ReturnType<typeof connectedOrg>>, deps = testDeps()) {
  const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
  await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);
  return ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
}

const runLists = (gh: FakeGitHub) =>
  gh.requests.filter((r) => r.path.includes("/actions/runs")).map((r) => r.path.split("?")[0]);

describe("GitHub CI status in the sync", () => {
  it("stores every catalog repository's head runs from discovery, with no request per repository", async () => {
    const { gh, withCatalog } = await start();
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh);
    gh.clearRequests();
    const run = await sync(ctx, deps);

    expect(run.status).toBe("succeeded");
    expect(runLists(gh)).toEqual([]);
    expect(run.apiRequests).toBe(gh.requestCount);
    const repositories = await ctx.tdb.workflowRun.groupBy({ by: ["repository"], _count: true });
    expect(repositories.map((r) => r.repository).sort()).toEqual(
      // Location-listed Components name their repository too.
      expect.arrayContaining(withCatalog.map((name) => `acme/${name}`)),
    );
    expect(repositories.every((r) => r._count === 2)).toBe(true);
    const shown = await runsForEntity(ctx.tdb, READER, `component:default/${withCatalog[0]}`);
    expect(shown.map((r) => [r.workflowName, r.status, r.conclusion])).toEqual(
      expect.arrayContaining([
        ["CI", "completed", "success"],
        ["Deploy", "completed", "success"],
      ]),
    );

    // Nothing moved: the second sync reads no run list either.
    gh.clearRequests();
    await sync(ctx, deps);
    expect(runLists(gh)).toEqual([]);
  });

  it("reads the run list of a repository whose status moved, and only that one", async () => {
    const { gh, withCatalog } = await start();
    const [moved, still] = withCatalog as [string, string];
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh);
    await sync(ctx, deps);

    // A push and a failing run on it, plus a run on another branch only the run list shows.
    gh.setFile(moved, "README.md", "# changed\n");
    gh.addWorkflowRun(moved, { workflowName: "CI", conclusion: "failure", durationSeconds: 12 });
    gh.addWorkflowRun(moved, { workflowName: "CI", branch: "feature", conclusion: "success" });
    gh.clearRequests();
    const run = await sync(ctx, deps);

    expect(run.status).toBe("succeeded");
    expect(runLists(gh)).toEqual([`/repos/acme/${moved}/actions/runs`]);
    const shown = await runsForEntity(ctx.tdb, READER, `component:default/${moved}`);
    expect(shown).toHaveLength(4);
    expect(shown.filter((r) => r.branch === "feature")).toHaveLength(1);
    expect(shown.filter((r) => r.conclusion === "failure")).toHaveLength(1);
    expect(await runsForEntity(ctx.tdb, READER, `component:default/${still}`)).toHaveLength(2);
  });

  it("falls back to run lists when the connection may not read checks", async () => {
    const { gh, withCatalog, allCatalog } = await start({
      metadata: "read",
      contents: "read",
      members: "read",
      actions: "read",
    });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, gh);
    gh.clearRequests();
    const run = await sync(ctx, deps);

    expect(run.status).toBe("succeeded");
    expect(run.errors).toEqual([]);
    expect(new Set(runLists(gh))).toEqual(new Set(allCatalog.map((name) => `/repos/acme/${name}/actions/runs`)));
    expect(await runsForEntity(ctx.tdb, READER, `component:default/${withCatalog[0]}`)).toHaveLength(2);
  });

  it("keeps each org's runs to itself: what one org knows changes nothing in another's sync", async () => {
    const { gh, withCatalog } = await start();
    const deps = testDeps();
    const first = await connectedOrg(db, deps, gh);
    const second = await connectedOrg(db, deps, gh);
    await sync(first, deps);
    gh.setFile(withCatalog[0]!, "README.md", "# changed\n");
    gh.addWorkflowRun(withCatalog[0]!, { workflowName: "CI", conclusion: "failure" });

    // The second org has never seen these runs: its first sync takes them from discovery.
    gh.clearRequests();
    await sync(second, deps);
    expect(runLists(gh)).toEqual([]);
    expect(await second.tdb.workflowRun.count({ where: { repository: `acme/${withCatalog[0]}` } })).toBe(1);
    expect(await first.tdb.workflowRun.count({ where: { repository: `acme/${withCatalog[0]}` } })).toBe(2);
    const firstIds = (await first.tdb.workflowRun.findMany({ select: { id: true } })).map((r) => r.id);
    expect(await second.tdb.workflowRun.count({ where: { id: { in: firstIds } } })).toBe(0);
  });
});
