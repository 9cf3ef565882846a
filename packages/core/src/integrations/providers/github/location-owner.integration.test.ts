import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { requestSync } from "../../request-sync";
import { connectedOrg, runToEnd, startGitHub, testDeps } from "../../testing";
import type { SyncRunError } from "../../views";

// Issue 8, finding 10: a Location target may name any repository on the host, and the sync
// fetches it with the integration's credentials. By default only the configured owner's
// repositories are followed; `allowOtherLocationOwners` lets an admin widen that.
const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

async function orgWithForeignTarget() {
  fake = await startGitHub({ org: "acme" });
  const foreign = `${fake.webUrl}/someone-else/private-repo/blob/main/catalog-info.yaml`;
  const own = `${fake.webUrl}/acme/lib/blob/main/catalog-info.yaml`;
  fake.createRepository({
    name: "portal",
    files: {
      "catalog-info.yaml": `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: portal\nspec:\n  type: url\n  targets:\n    - ${own}\n    - ${foreign}\n`,
    },
  });
  fake.createRepository({ name: "lib", files: { "catalog-info.yaml": component("lib") } });
  return { foreign };
}

async function syncOnce(allowOtherLocationOwners?: boolean) {
  const { foreign } = await orgWithForeignTarget();
  // Every request body the sync sends, to see which repositories it asked GitHub for.
  const bodies: string[] = [];
  const recording: typeof fetch = async (input, init) => {
    if (typeof init?.body === "string") bodies.push(init.body);
    return fetch(input, init);
  };
  const deps = testDeps({ github: { client: { retryBaseDelayMs: 1, maxRetries: 1, fetch: recording } } });
  const ctx = await connectedOrg(db, deps, fake!, allowOtherLocationOwners ? { allowOtherLocationOwners } : {});
  const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
  await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);
  const run = await ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
  const errors = run.errors as SyncRunError[];
  return { ctx, run, errors, foreign, requested: bodies.join("\n") };
}

describe("Location targets and the configured owner", () => {
  it("follows the owner's targets and refuses other owners' by default, without fetching them", async () => {
    const { ctx, run, errors, foreign, requested } = await syncOnce();
    expect(run.status).toBe("succeeded");
    expect(await ctx.tdb.catalogEntity.count({ where: { kind: "component", name: "lib" } })).toBe(1);
    const refused = errors.filter((e) => e.message.includes(foreign));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain("outside acme");
    // The own target was fetched; no request named the other owner.
    expect(requested).toContain("lib");
    expect(requested).not.toContain("someone-else");
  });

  it("follows other owners' targets when the integration allows it", async () => {
    const { errors, foreign, requested } = await syncOnce(true);
    expect(requested).toContain("someone-else");
    const about = errors.filter((e) => e.message.includes(foreign));
    expect(about).toHaveLength(1);
    // Fetched this time: the fake knows no such repository, so the problem is GitHub's answer.
    expect(about[0]!.message).not.toContain("outside acme");
  });
});
