import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { dryRunGitHub } from "./dry-run";
import { connectedOrg, startGitHub, testDeps } from "../../testing";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

const files = {
  good: component("good"),
  malformed: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: broken\n  tags: [a, b\nspec: {}\n",
  invalid:
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "not valid!"\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n',
  // Over the 1 MiB limit for a descriptor file.
  huge: `${component("huge")}${"# padding padding padding padding padding padding padding padding\n".repeat(20_000)}`,
  location:
    "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: located\nspec:\n  type: url\n  target: ./catalog/component.yaml\n",
};

describe("import dry run", () => {
  it("reports files, failures with line, column and link, and repositories without a catalog file, writing nothing", async () => {
    fake = await startGitHub({
      org: "acme",
      teams: [
        { slug: "web", members: [] },
        { slug: "platform", members: [] },
      ],
      repositories: [
        { name: "good", files: { "catalog-info.yaml": files.good } },
        { name: "malformed", files: { "catalog-info.yaml": files.malformed } },
        { name: "invalid", files: { "catalog-info.yaml": files.invalid } },
        { name: "huge", files: { "catalog-info.yaml": files.huge } },
        {
          name: "located",
          files: { "catalog-info.yaml": files.location, "catalog/component.yaml": component("located-service") },
        },
        { name: "owned", files: { ".github/CODEOWNERS": "# owners\n* @acme/platform\n" } },
        { name: "teamed", teams: [{ slug: "web", permission: "admin" }] },
        { name: "unowned" },
        { name: "old", archived: true, files: { "catalog-info.yaml": component("old") } },
      ],
    });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    const report = await dryRunGitHub(ctx.tdb, ctx.actor, deps, ctx.integrationId);
    const web = fake.url;

    expect(report.repositories).toBe(9);
    expect(report.archived).toBe(1);
    expect(report.filesFound).toBe(6);
    const byRepo = Object.fromEntries(report.files.map((f) => [`${f.repository}:${f.path}`, f]));
    expect(byRepo["acme/good:catalog-info.yaml"]).toMatchObject({
      valid: true,
      entities: 1,
      errors: [],
      url: `${web}/acme/good/blob/main/catalog-info.yaml`,
    });
    expect(byRepo["acme/located:catalog/component.yaml"]).toMatchObject({ valid: true, entities: 1 });

    const invalid = byRepo["acme/invalid:catalog-info.yaml"]!;
    expect(invalid.valid).toBe(false);
    expect(invalid.errors[0]).toMatchObject({
      line: 4,
      column: expect.any(Number),
      path: "metadata.name",
      rule: expect.any(String),
      url: `${web}/acme/invalid/blob/main/catalog-info.yaml#L4`,
    });

    const malformed = byRepo["acme/malformed:catalog-info.yaml"]!;
    expect(malformed.valid).toBe(false);
    const yamlError = malformed.errors[0]!;
    expect(yamlError.line).toBeGreaterThan(1);
    expect(yamlError.url).toBe(`${web}/acme/malformed/blob/main/catalog-info.yaml#L${yamlError.line}`);

    const huge = byRepo["acme/huge:catalog-info.yaml"]!;
    expect(huge).toMatchObject({ valid: false, entities: 0 });
    expect(huge.errors[0]).toMatchObject({ line: 1, column: 1, url: `${web}/acme/huge/blob/main/catalog-info.yaml` });
    expect(huge.errors[0]!.message).toMatch(/limit/);

    expect(report.withoutCatalog.sort((a, b) => a.repository.localeCompare(b.repository))).toEqual([
      {
        repository: "acme/owned",
        url: `${web}/acme/owned`,
        suggestedOwner: "group:default/platform",
        ownerSource: "codeowners",
      },
      {
        repository: "acme/teamed",
        url: `${web}/acme/teamed`,
        suggestedOwner: "group:default/web",
        ownerSource: "team",
      },
      { repository: "acme/unowned", url: `${web}/acme/unowned`, suggestedOwner: null, ownerSource: null },
    ]);
    expect(report.requests).toBe(fake.requestCount);
    expect(report.rateLimitRemaining).toBeGreaterThan(0);

    expect(await ctx.tdb.catalogSource.count()).toBe(0);
    expect(await ctx.tdb.catalogEntity.count()).toBe(0);
    expect(await ctx.tdb.syncRun.count()).toBe(0);
  });

  it("says when GitHub's rate limit is spent instead of waiting", async () => {
    fake = await startGitHub({ org: "acme", repositories: [{ name: "one" }] });
    const deps = testDeps();
    const ctx = await connectedOrg(db, deps, fake);
    fake.setRateLimit("graphql", { limit: 5000, remaining: 0, windowMs: 3600_000 });
    await expect(dryRunGitHub(ctx.tdb, ctx.actor, deps, ctx.integrationId)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
