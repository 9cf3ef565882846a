import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "../testing";
import { createGitHubClient } from "./client";
import { createMemoryEtagCache } from "./fetch-file";
import { fetchWorkflowRuns, normalizeWorkflowRun, workflowRunFromWebhook } from "./workflow-runs";

const TOKEN = "github_pat_runs";
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("workflow runs", () => {
  it("fetches recent runs and normalises them", async () => {
    fake = await startFakeGitHub({
      tokens: { [TOKEN]: { login: "octocat" } },
      repositories: [
        {
          name: "api",
          workflowRuns: [
            {
              id: 11,
              workflowName: "CI",
              conclusion: "failure",
              branch: "main",
              headSha: "a".repeat(40),
              actor: "alice",
              startedAt: "2025-03-01T10:00:00Z",
              durationSeconds: 125,
              event: "push",
              runNumber: 7,
            },
            {
              id: 12,
              workflowName: "Deploy",
              status: "in_progress",
              startedAt: "2025-03-01T11:00:00Z",
              durationSeconds: 30,
            },
          ],
        },
      ],
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const result = await fetchWorkflowRuns(client, { owner: "acme", repo: "api", perPage: 10 });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.runs).toEqual([
      expect.objectContaining({
        id: 12,
        workflowName: "Deploy",
        status: "in_progress",
        conclusion: null,
        durationSeconds: null,
      }),
      {
        id: 11,
        repository: "acme/api",
        workflowName: "CI",
        status: "completed",
        conclusion: "failure",
        branch: "main",
        commitSha: "a".repeat(40),
        actor: "alice",
        startedAt: "2025-03-01T10:00:00Z",
        durationSeconds: 125,
        url: `${fake.url}/acme/api/actions/runs/11`,
        event: "push",
        runNumber: 7,
        runAttempt: 1,
        updatedAt: "2025-03-01T10:02:05Z",
      },
    ]);
  });

  it("polls conditionally: an unchanged run list costs no rate limit", async () => {
    fake = await startFakeGitHub({
      tokens: { [TOKEN]: { login: "octocat" } },
      repositories: [{ name: "api", workflowRuns: [{ workflowName: "CI" }] }],
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    const etagCache = createMemoryEtagCache();
    await fetchWorkflowRuns(client, { owner: "acme", repo: "api", etagCache });
    const remaining = fake.rateLimit().remaining;
    const again = await fetchWorkflowRuns(client, { owner: "acme", repo: "api", etagCache });
    expect(again).toMatchObject({
      status: "ok",
      fromCache: true,
      runs: [expect.objectContaining({ workflowName: "CI" })],
    });
    expect(fake.rateLimit().remaining).toBe(remaining);
    fake.addWorkflowRun("api", { workflowName: "Release" });
    const changed = await fetchWorkflowRuns(client, { owner: "acme", repo: "api", etagCache });
    expect(changed).toMatchObject({
      status: "ok",
      fromCache: false,
      runs: [expect.objectContaining({ workflowName: "Release" }), expect.anything()],
    });
    expect(client.stats().notModified).toBe(1);
  });

  it("reports unknown repositories and a missing actions permission as results", async () => {
    fake = await startFakeGitHub({
      tokens: { [TOKEN]: { login: "o", permissions: { metadata: "read" } } },
      repositories: [{ name: "api" }],
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    expect(await fetchWorkflowRuns(client, { owner: "acme", repo: "gone" })).toMatchObject({ status: "not-found" });
    expect(await fetchWorkflowRuns(client, { owner: "acme", repo: "api" })).toMatchObject({
      status: "forbidden",
      message: expect.stringContaining("actions:read"),
    });
  });

  it("normalises a workflow_run webhook payload to the same shape", () => {
    const payload = {
      action: "completed",
      workflow: { name: "CI" },
      repository: { full_name: "acme/api" },
      workflow_run: {
        id: 99,
        name: null,
        path: ".github/workflows/ci.yml",
        head_branch: "feature/x",
        head_sha: "b".repeat(40),
        event: "pull_request",
        status: "completed",
        conclusion: "success",
        html_url: "https://github.com/acme/api/actions/runs/99",
        created_at: "2025-01-01T00:00:00Z",
        run_started_at: "2025-01-01T00:00:10Z",
        updated_at: "2025-01-01T00:01:10Z",
        run_number: 3,
        run_attempt: 2,
        actor: { login: "bot" },
        triggering_actor: { login: "carol" },
      },
    };
    expect(workflowRunFromWebhook(payload)).toEqual({
      id: 99,
      repository: "acme/api",
      workflowName: "CI",
      status: "completed",
      conclusion: "success",
      branch: "feature/x",
      commitSha: "b".repeat(40),
      actor: "carol",
      startedAt: "2025-01-01T00:00:10Z",
      durationSeconds: 60,
      url: "https://github.com/acme/api/actions/runs/99",
      event: "pull_request",
      runNumber: 3,
      runAttempt: 2,
      updatedAt: "2025-01-01T00:01:10Z",
    });
    expect(workflowRunFromWebhook({ action: "completed" })).toBeNull();
    expect(normalizeWorkflowRun({ ...payload.workflow_run, status: "weird" }).status).toBe("unknown");
  });
});
