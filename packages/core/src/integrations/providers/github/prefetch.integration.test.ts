import { afterEach, describe, expect, it } from "vitest";
import { generateOrg, type FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { requestSync } from "../../request-sync";
import { connectedOrg, runToEnd, startGitHub, testDeps } from "../../testing";
import { createPagePrefetch } from "./sync/page-prefetch";
import type { PlannedPage } from "./sync/run-step";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("GitHub sync with discovery pages prefetched and planned a step ahead", () => {
  it("imports the same catalog with the same requests, each asked for once and each charged to the run", async () => {
    const spec = generateOrg({ org: "acme", repositories: 40, workflowRunsPerRepository: 1 });
    fake = await startGitHub({ org: "acme", ...spec });
    const deps = testDeps({ github: { pageSize: 10, client: { maxRetries: 1, retryBaseDelayMs: 1 } } });
    const ctx = await connectedOrg(db, deps, fake);
    fake.clearRequests();
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    const inner = createPagePrefetch<PlannedPage>();
    let found = 0;
    const prefetch = {
      put: inner.put,
      take: (key: string) => {
        const page = inner.take(key);
        if (page) found++;
        return page;
      },
    };
    const outcomes = await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId, { prefetch });
    const run = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });

    expect(outcomes.at(-1)).toEqual({ kind: "done" });
    expect(run).toMatchObject({ status: "succeeded", reposScanned: 40, filesFound: 13 });
    // Pages 2 to 4 were waiting for their steps; none was asked for twice.
    expect(found).toBe(3);
    expect(fake.requests.filter((r) => r.operation === "StagedoorDiscoverRepositories")).toHaveLength(4);
    // Location targets are read with their page, ahead of its step; every request is still charged once.
    expect(fake.requests.filter((r) => r.operation === "StagedoorFetchFiles").length).toBeGreaterThan(0);
    expect(run.apiRequests).toBe(fake.requestCount);
    const components = await ctx.tdb.catalogEntity.count({ where: { kind: "component", orphanedAt: null } });
    expect(components).toBe(spec.repositories.filter((r) => r.files?.["catalog-info.yaml"]).length);
  });
});
