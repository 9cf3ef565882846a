import { describe, expect, it } from "vitest";
import { classifyWebhook } from "./webhooks";

const repository = { id: 42, node_id: "R_1", name: "api", full_name: "acme/api", default_branch: "main" };
const push = (overrides: Record<string, unknown> = {}) => ({
  ref: "refs/heads/main",
  before: "1".repeat(40),
  after: "2".repeat(40),
  repository,
  forced: false,
  deleted: false,
  commits: [
    { id: "c1", added: ["src/new.ts"], modified: ["catalog-info.yaml"], removed: [] },
    { id: "c2", added: [], modified: ["README.md"], removed: ["docs/catalog.yaml"] },
  ],
  ...overrides,
});

describe("webhook classification", () => {
  it("turns a push to the default branch touching catalog files into one event", () => {
    const result = classifyWebhook("push", push(), { catalogPaths: ["./catalog-info.yaml", "/docs/catalog.yaml"] });
    expect(result).toEqual({
      handled: true,
      event: {
        kind: "catalog-push",
        repository: { id: 42, nodeId: "R_1", fullName: "acme/api" },
        branch: "main",
        before: "1".repeat(40),
        after: "2".repeat(40),
        changedPaths: ["catalog-info.yaml"],
        removedPaths: ["docs/catalog.yaml"],
        codeownersChanged: false,
        complete: true,
      },
    });
  });

  it("ignores pushes elsewhere or not touching catalog files, and distrusts forced pushes", () => {
    expect(classifyWebhook("push", push({ ref: "refs/heads/feature" }))).toEqual({
      handled: false,
      reason: expect.stringContaining("not to the default branch main"),
    });
    expect(classifyWebhook("push", push({ commits: [{ added: ["a.ts"], modified: [], removed: [] }] }))).toEqual({
      handled: false,
      reason: expect.stringContaining("no catalog file"),
    });
    expect(
      classifyWebhook("push", push({ commits: [{ added: ["a.ts"], modified: [], removed: [] }], forced: true })),
    ).toMatchObject({
      handled: true,
      event: { kind: "catalog-push", changedPaths: [], complete: false },
    });
    expect(
      classifyWebhook("push", push({ commits: [{ added: [], modified: [".github/CODEOWNERS"], removed: [] }] })),
    ).toMatchObject({
      handled: true,
      event: { codeownersChanged: true, changedPaths: [] },
    });
    // A file added then removed in the same push ends up removed.
    expect(
      classifyWebhook(
        "push",
        push({
          commits: [
            { added: ["catalog-info.yaml"], modified: [], removed: [] },
            { added: [], modified: [], removed: ["catalog-info.yaml"] },
          ],
        }),
      ),
    ).toMatchObject({
      event: { changedPaths: [], removedPaths: ["catalog-info.yaml"] },
    });
    expect(
      classifyWebhook("push", push({ commits: [{ added: [], modified: ["api/openapi.yaml"], removed: [] }] }), {
        watchedPaths: ["api/openapi.yaml"],
      }),
    ).toMatchObject({
      event: { changedPaths: ["api/openapi.yaml"] },
    });
  });

  it("classifies repository lifecycle events", () => {
    expect(classifyWebhook("repository", { action: "created", repository })).toMatchObject({
      event: { kind: "repository", action: "created" },
    });
    expect(classifyWebhook("repository", { action: "deleted", repository })).toMatchObject({
      event: { action: "deleted" },
    });
    expect(classifyWebhook("repository", { action: "archived", repository })).toMatchObject({
      event: { action: "archived" },
    });
    expect(classifyWebhook("repository", { action: "unarchived", repository })).toMatchObject({
      event: { action: "unarchived" },
    });
    expect(
      classifyWebhook("repository", {
        action: "renamed",
        repository,
        changes: { repository: { name: { from: "old-api" } } },
      }),
    ).toMatchObject({
      event: { action: "renamed", previousFullName: "acme/old-api" },
    });
    expect(
      classifyWebhook("repository", {
        action: "transferred",
        repository,
        changes: { owner: { from: { user: { login: "alice" } } } },
      }),
    ).toMatchObject({
      event: { action: "transferred", previousFullName: "alice/api" },
    });
    expect(
      classifyWebhook("repository", { action: "edited", repository, changes: { default_branch: { from: "master" } } }),
    ).toMatchObject({
      event: { action: "default-branch-changed", previousDefaultBranch: "master" },
    });
    expect(
      classifyWebhook("repository", { action: "edited", repository, changes: { description: { from: "x" } } }),
    ).toMatchObject({ handled: false });
    expect(classifyWebhook("repository", { action: "publicized", repository })).toMatchObject({ handled: false });
  });

  it("classifies team, membership, organisation and workflow events", () => {
    const organization = { login: "acme" };
    expect(
      classifyWebhook("team", {
        action: "created",
        organization,
        team: { slug: "pay", name: "Pay", parent: { slug: "eng" } },
      }),
    ).toEqual({
      handled: true,
      event: { kind: "team", action: "created", org: "acme", team: { slug: "pay", name: "Pay", parentSlug: "eng" } },
    });
    expect(
      classifyWebhook("team", {
        action: "edited",
        organization,
        team: { slug: "pay", name: "Payments" },
        changes: { name: { from: "Pay" } },
      }),
    ).toMatchObject({
      event: { action: "edited", previousName: "Pay" },
    });
    expect(
      classifyWebhook("team", { action: "added_to_repository", organization, team: { slug: "pay" } }),
    ).toMatchObject({ handled: false });
    expect(
      classifyWebhook("membership", {
        action: "removed",
        scope: "team",
        organization,
        team: { slug: "pay" },
        member: { login: "bob" },
      }),
    ).toEqual({
      handled: true,
      event: { kind: "membership", action: "removed", org: "acme", teamSlug: "pay", member: "bob" },
    });
    expect(
      classifyWebhook("organization", {
        action: "member_added",
        organization,
        membership: { user: { login: "carol" } },
      }),
    ).toEqual({
      handled: true,
      event: { kind: "organization-member", action: "added", org: "acme", member: "carol" },
    });
    expect(classifyWebhook("organization", { action: "renamed", organization })).toMatchObject({ handled: false });
    const run = {
      id: 5,
      name: "CI",
      head_branch: "main",
      head_sha: "c".repeat(40),
      event: "push",
      status: "completed",
      conclusion: "success",
      html_url: "https://github.com/acme/api/actions/runs/5",
      created_at: "2025-01-01T00:00:00Z",
      updated_at: "2025-01-01T00:00:30Z",
      run_number: 1,
    };
    expect(classifyWebhook("workflow_run", { action: "completed", repository, workflow_run: run })).toMatchObject({
      event: {
        kind: "workflow-run",
        run: { id: 5, repository: "acme/api", durationSeconds: 30, conclusion: "success" },
      },
    });
    expect(classifyWebhook("workflow_run", { action: "in_progress", repository, workflow_run: run })).toMatchObject({
      handled: false,
      reason: expect.stringContaining("only completed"),
    });
    expect(
      classifyWebhook("installation_repositories", {
        action: "added",
        repositories_added: [{ id: 1, node_id: "R_2", full_name: "acme/new" }],
        repositories_removed: [],
      }),
    ).toMatchObject({
      event: { kind: "installation-repositories", added: [{ fullName: "acme/new" }], removed: [] },
    });
    expect(classifyWebhook("ping", { zen: "Keep it logically awesome." })).toMatchObject({
      handled: false,
      reason: expect.stringContaining("ping"),
    });
    expect(classifyWebhook("star", { action: "created", repository })).toEqual({
      handled: false,
      reason: "The star event is not used by the sync.",
    });
    expect(classifyWebhook("push", "not an object")).toMatchObject({ handled: false });
  });
});
