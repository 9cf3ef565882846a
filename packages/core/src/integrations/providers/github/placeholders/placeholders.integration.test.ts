import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { Prisma } from "@stagedoor/db";
import { testDatabase } from "@stagedoor/db/testing";
import { requestSync } from "../../../request-sync";
import { connectedOrg, runToEnd, startGitHub, testDeps } from "../../../testing";
import type { SyncRunError } from "../../../views";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const API = `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: pets
  description:
    $text: ./docs/about.md
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $text: ./api/openapi.yaml
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: pets-web
  description:
    $text: ./missing.md
spec:
  type: website
  lifecycle: production
  owner: team-a
`;

async function sync(ctx: Awaited<ReturnType<typeof connectedOrg>>, deps: ReturnType<typeof testDeps>) {
  const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
  await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);
  return ctx.tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
}

describe("placeholders in the GitHub sync", () => {
  it("resolves $text through the integration, bundles multi-file OpenAPI, and stores unreadable targets as errors of their entity", async () => {
    fake = await startGitHub({ org: "acme" });
    fake.createRepository({
      name: "pets",
      files: {
        "catalog-info.yaml": API,
        "docs/about.md": "All about pets.",
        "api/openapi.yaml": `openapi: 3.0.0\ninfo: { title: Pets, version: "1" }\npaths:\n  /pets:\n    get:\n      responses:\n        "200": { $ref: "./responses/ok.yaml" }\n`,
        "api/responses/ok.yaml": "description: A pet\n",
      },
    });
    const deps = testDeps({ github: { client: { retryBaseDelayMs: 1, maxRetries: 1 } } });
    const ctx = await connectedOrg(db, deps, fake);
    const run = await sync(ctx, deps);
    expect(run.status).toBe("succeeded");

    const api = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { kind: "api", name: "pets" } });
    const entity = api.entity as { metadata: { description: string }; spec: { definition: string } };
    expect(entity.metadata.description).toBe("All about pets.");
    expect(entity.spec.definition).toContain("title: Pets");
    expect(entity.spec.definition).toContain("description: A pet");
    expect(entity.spec.definition).not.toContain("$ref");

    const errors = run.errors as SyncRunError[];
    const missing = errors.filter((e) => e.message.includes("missing.md"));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ file: "catalog-info.yaml", line: 19 });
    expect(missing[0]!.url).toMatch(/catalog-info\.yaml#L19$/);

    // The entity with the unreadable target is still imported, the error stored on it with its line.
    const web = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { kind: "component", name: "pets-web" } });
    expect((web.entity as { metadata: { description: string } }).metadata.description).toBe(
      "(unresolved $text placeholder: ./missing.md)",
    );
    const webErrors = web.errors as Array<{ code: string; line: number; message: string }>;
    expect(webErrors).toEqual([
      expect.objectContaining({
        code: "unreadable-placeholder",
        line: 19,
        message: expect.stringContaining("missing.md"),
      }),
    ]);
    expect(api.errors).toBeNull();
    expect(await ctx.tdb.catalogEntity.count({ where: { errors: { not: Prisma.DbNull } } })).toBe(1);

    // Once the target exists, the next sync resolves it and the error is gone.
    fake.setFile("pets", "missing.md", "The web shop.");
    const again = await sync(ctx, deps);
    expect((again.errors as SyncRunError[]).filter((e) => e.message.includes("missing.md"))).toEqual([]);
    const fixed = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { kind: "component", name: "pets-web" } });
    expect(fixed.errors).toBeNull();
    expect((fixed.entity as { metadata: { description: string } }).metadata.description).toBe("The web shop.");

    // Another org syncing the same GitHub sees nothing of this org's resolved entities.
    const other = await connectedOrg(db, deps, fake);
    expect(await other.tdb.catalogEntity.count({ where: { kind: "api" } })).toBe(0);
  });
});
