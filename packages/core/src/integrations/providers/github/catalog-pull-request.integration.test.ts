import { afterEach, describe, expect, it } from "vitest";
import type { FakeGitHub } from "@stagedoor/connectors/testing";
import { testDatabase } from "@stagedoor/db/testing";
import { parse } from "yaml";
import { isAppError } from "../../../errors";
import { requestSync } from "../../request-sync";
import { adminOf, connectedOrg, FAKE_TOKEN, runToEnd, startGitHub, testDeps } from "../../testing";
import { CATALOG_PR_BRANCH, openCatalogPullRequest, proposeCatalogFile } from "./catalog-pull-request";
import { repositoryOf } from "./repository-target";

const db = testDatabase();
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const WRITE = {
  metadata: "read",
  contents: "write",
  pull_requests: "write",
  members: "read",
  actions: "read",
  checks: "read",
} as const;

async function setup(permissions: Record<string, "read" | "write"> = WRITE) {
  fake = await startGitHub({
    org: "acme",
    tokens: { [FAKE_TOKEN]: { login: "octocat", permissions } },
  });
  fake.createRepository({
    name: "orders",
    description: "Takes orders.",
    files: { "README.md": "# Orders", ".github/CODEOWNERS": "* @acme/checkout\n" },
  });
  fake.createRepository({ name: "payments", files: { "catalog-info.yaml": "kind: Component\n" } });
  const deps = testDeps();
  const ctx = await connectedOrg(db, deps, fake);
  return { deps, ctx, repoUrl: (name: string) => `${fake!.webUrl}/acme/${name}` };
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

describe("register by URL: a pull request adding catalog-info.yaml", () => {
  it("proposes a file with the owner from CODEOWNERS, opens the pull request, and the sync imports it once merged", async () => {
    const { deps, ctx, repoUrl } = await setup();
    const proposal = await proposeCatalogFile(ctx.tdb, deps, ctx.actor, { url: repoUrl("orders") });
    if (proposal.kind !== "proposal") throw new Error("expected a proposal");
    expect(proposal).toMatchObject({
      integrationId: ctx.integrationId,
      repository: "acme/orders",
      defaultBranch: "main",
      path: "catalog-info.yaml",
      branch: CATALOG_PR_BRANCH,
      owner: { ref: "group:default/checkout", source: "codeowners" },
      fileUrl: `${fake!.webUrl}/acme/orders/blob/main/catalog-info.yaml`,
      pickedUpBySync: true,
    });
    expect(parse(proposal.content)).toMatchObject({
      kind: "Component",
      metadata: {
        name: "orders",
        description: "Takes orders.",
        annotations: { "github.com/project-slug": "acme/orders" },
      },
      spec: { owner: "group:default/checkout" },
    });
    // A repository that has the file is registered by URL instead.
    expect(await proposeCatalogFile(ctx.tdb, deps, ctx.actor, { url: repoUrl("payments") })).toMatchObject({
      kind: "exists",
      fileUrl: `${fake!.webUrl}/acme/payments/blob/main/catalog-info.yaml`,
    });

    const edited = proposal.content.replace("group:default/checkout", "group:default/orders-team");
    const opened = await openCatalogPullRequest(ctx.tdb, deps, ctx.actor, {
      url: repoUrl("orders"),
      integrationId: ctx.integrationId,
      content: edited,
    });
    expect(opened.pullRequest).toEqual({ number: 1, url: `${fake!.webUrl}/acme/orders/pull/1` });
    const repo = fake!.state.repository("orders");
    expect(repo.pulls).toMatchObject([{ head: CATALOG_PR_BRANCH, base: "main", title: "Add catalog-info.yaml" }]);
    expect(repo.branches.get(CATALOG_PR_BRANCH)?.files.get("catalog-info.yaml")).toBe(edited);
    expect(repo.files.has("catalog-info.yaml")).toBe(false);
    const audit = await ctx.tdb.auditLog.findFirstOrThrow({ where: { action: "catalog.pull_request_opened" } });
    expect(audit.target).toBe("acme/orders#1");
    expect(await ctx.tdb.catalogEntity.count()).toBe(0);

    // Merged: the integration's next sync finds the file where it discovers catalog files.
    fake!.setFile("orders", "catalog-info.yaml", edited);
    const { syncRunId } = await requestSync(ctx.tdb, ctx.actor, deps, { id: ctx.integrationId });
    await runToEnd(ctx.tdb, deps, ctx.integrationId, syncRunId);
    const entity = await ctx.tdb.catalogEntity.findFirstOrThrow({ where: { name: "orders" } });
    expect(entity.owner).toBe("group:default/orders-team");
  });

  it("explains a branch that exists, a file that would not import, and credentials that may not write", async () => {
    const { deps, ctx, repoUrl } = await setup();
    const proposal = await proposeCatalogFile(ctx.tdb, deps, ctx.actor, { url: repoUrl("orders") });
    if (proposal.kind !== "proposal") throw new Error("expected a proposal");
    const open = (content: string) =>
      failure(
        openCatalogPullRequest(ctx.tdb, deps, ctx.actor, {
          url: repoUrl("orders"),
          integrationId: ctx.integrationId,
          content,
        }),
      );
    expect(await open("kind: Component\nmetadata:\n  name: not valid name\n")).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("would not import"),
    });
    await openCatalogPullRequest(ctx.tdb, deps, ctx.actor, {
      url: repoUrl("orders"),
      integrationId: ctx.integrationId,
      content: proposal.content,
    });
    expect(await open(proposal.content)).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`branch ${CATALOG_PR_BRANCH} already exists`),
    });

    fake!.auth.tokens[FAKE_TOKEN]!.permissions = { ...WRITE, contents: "read", pull_requests: "read" };
    fake!.createRepository({ name: "billing" });
    expect(
      await failure(
        openCatalogPullRequest(ctx.tdb, deps, ctx.actor, {
          url: repoUrl("billing"),
          integrationId: ctx.integrationId,
          content: proposal.content,
        }),
      ),
    ).toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/may not create the branch.*403/) });
    expect(fake!.state.repository("billing").pulls).toEqual([]);
  });

  it("is bound to the caller's org: another org's integration id is NOT_FOUND, without GitHub nothing is read", async () => {
    const { deps, ctx, repoUrl } = await setup();
    const other = await adminOf(db);
    const asOther = (integrationId?: string) =>
      failure(proposeCatalogFile(other.tdb, deps, other.actor, { url: repoUrl("orders"), integrationId }));
    expect(await asOther(ctx.integrationId)).toMatchObject({ code: "NOT_FOUND" });
    expect(await asOther()).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(
      await failure(
        openCatalogPullRequest(other.tdb, deps, other.actor, {
          url: repoUrl("orders"),
          integrationId: ctx.integrationId,
          content: "kind: Component\n",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(fake!.state.repository("orders").branches.size).toBe(0);
  });

  it("reads the repository from root, tree and blob URLs on the integration's host only", () => {
    const web = "https://github.com";
    expect(repositoryOf("https://github.com/acme/orders", web)).toEqual({ owner: "acme", repo: "orders" });
    expect(repositoryOf("https://github.com/acme/orders.git", web)).toEqual({ owner: "acme", repo: "orders" });
    expect(repositoryOf("https://github.com/acme/orders/tree/main/svc", web)).toEqual({
      owner: "acme",
      repo: "orders",
    });
    expect(repositoryOf("https://www.github.com/acme/orders/blob/main/x.yaml", web)).toMatchObject({ repo: "orders" });
    expect(repositoryOf("https://gitlab.com/acme/orders", web)).toBeNull();
    expect(repositoryOf("https://github.com/acme", web)).toBeNull();
  });
});
