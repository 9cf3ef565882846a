import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { isAppError } from "../../../errors";
import { adminOf, connectedOrg, startGitHub, testDeps } from "../../testing";
import { importCatalogUrl } from "./register-url";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const component = (name: string, extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

async function setup() {
  fake = await startGitHub({ org: "acme" });
  fake.createRepository({
    name: "payments",
    files: {
      "catalog-info.yaml": component("payments", "  description:\n    $text: ./README.md\n"),
      "README.md": "Takes payments.",
      "other/catalog-info.yaml": component("ledger"),
    },
  });
  const deps = testDeps({ github: { client: { retryBaseDelayMs: 1, maxRetries: 1 } } });
  const ctx = await connectedOrg(db, deps, fake);
  const url = (path: string, owner = "acme", repo = "payments") => `${fake!.webUrl}/${owner}/${repo}/blob/main/${path}`;
  return { deps, ctx, url };
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("register by URL", () => {
  it("dry-runs, then imports a GitHub file as its own source with placeholders resolved", async () => {
    const { deps, ctx, url } = await setup();
    const check = await importCatalogUrl(ctx.tdb, deps, ctx.actor, { url: url("catalog-info.yaml"), dryRun: true });
    expect(check.dryRun).toBe(true);
    expect(check.counts.created).toBe(1);
    expect(check.file).toBe("acme/payments/catalog-info.yaml");
    expect(check.problems).toEqual([]);
    expect(await ctx.tdb.catalogEntity.count()).toBe(0);

    const done = await importCatalogUrl(ctx.tdb, deps, ctx.actor, { url: url("catalog-info.yaml"), dryRun: false });
    expect(done.counts.created).toBe(1);
    const entity = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { name: "payments" } });
    expect((entity.entity as { metadata: { description: string } }).metadata.description).toBe("Takes payments.");

    // A second file is a second source: registering it orphans nothing.
    const second = await importCatalogUrl(ctx.tdb, deps, ctx.actor, {
      url: url("other/catalog-info.yaml"),
      dryRun: false,
    });
    expect(second.counts).toMatchObject({ created: 1, orphaned: 0 });
    expect(second.source.key).not.toBe(done.source.key);
    expect(await ctx.tdb.catalogEntity.count({ where: { orphanedAt: null } })).toBe(2);
  });

  it("imports an entity whose placeholder cannot be read, with the error on the entity and in the report", async () => {
    const { deps, ctx, url } = await setup();
    fake!.setFile(
      "payments",
      "broken/catalog-info.yaml",
      component("broken", "  description:\n    $text: ./gone.md\n"),
    );
    const done = await importCatalogUrl(ctx.tdb, deps, ctx.actor, {
      url: url("broken/catalog-info.yaml"),
      dryRun: false,
    });
    expect(done.counts.created).toBe(1);
    expect(done.files[0]?.documents[0]?.errors).toEqual([
      expect.objectContaining({ code: "unreadable-placeholder", line: 6, problem: expect.stringContaining("gone.md") }),
    ]);
    const entity = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { name: "broken" } });
    expect(entity.errors).toEqual([expect.objectContaining({ code: "unreadable-placeholder", line: 6 })]);
  });

  it("refuses folders, missing files, other hosts and other owners with clear errors", async () => {
    const { deps, ctx, url } = await setup();
    const run = (u: string) => failure(importCatalogUrl(ctx.tdb, deps, ctx.actor, { url: u, dryRun: true }));
    // A missing file is NOT_FOUND with a detail the Register page uses to offer a pull request.
    const missing = await importCatalogUrl(ctx.tdb, deps, ctx.actor, { url: url("missing.yaml"), dryRun: true }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(missing) && missing.code).toBe("NOT_FOUND");
    expect(isAppError(missing) && missing.details).toEqual({ catalogFile: "missing" });
    expect(await run(url("other").replace("/blob/", "/tree/"))).toMatchObject({
      message: expect.stringContaining("is a folder"),
    });
    expect(await run("https://example.com/acme/payments/blob/main/catalog-info.yaml")).toMatchObject({
      message: expect.stringContaining("not a file on the connected GitHub"),
    });
    expect(await run(url("catalog-info.yaml", "someone-else", "x"))).toMatchObject({
      message: expect.stringContaining("outside acme"),
    });
  });

  it("is bound to the caller's org: without its own GitHub another org reads nothing", async () => {
    const { deps, ctx, url } = await setup();
    await importCatalogUrl(ctx.tdb, deps, ctx.actor, { url: url("catalog-info.yaml"), dryRun: false });
    const other = await adminOf(db);
    expect(
      await failure(importCatalogUrl(other.tdb, deps, other.actor, { url: url("catalog-info.yaml"), dryRun: true })),
    ).toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await other.tdb.catalogEntity.count()).toBe(0);
  });
});
