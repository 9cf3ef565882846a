import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeRepositorySpec } from "../testing";
import { createGitHubClient } from "./client";
import { discoverRepositories } from "./discover";
import { fetchWorkflowRuns } from "./workflow-runs";

const TOKEN = "github_pat_ci";
const NO_CHECKS = "github_pat_no_checks";
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const repositories: FakeRepositorySpec[] = [
  {
    name: "green",
    workflowRuns: [
      { workflowName: "CI", conclusion: "success", durationSeconds: 95 },
      { workflowName: "Deploy", conclusion: "success", durationSeconds: 30 },
    ],
  },
  {
    name: "red",
    workflowRuns: [
      { workflowName: "CI", conclusion: "failure", durationSeconds: 41 },
      { workflowName: "Lint", status: "in_progress" },
      // Not on the head commit: only the REST run list knows it.
      { workflowName: "CI", branch: "feature", conclusion: "success" },
    ],
  },
  { name: "quiet" },
  { name: "empty", empty: true },
];

async function setup() {
  fake = await startFakeGitHub({
    tokens: {
      [TOKEN]: { login: "octocat" },
      [NO_CHECKS]: { login: "octocat", permissions: { metadata: "read", contents: "read", actions: "read" } },
    },
    repositories,
  });
  const client = (token: string) =>
    createGitHubClient({ type: "token", token }, { baseUrl: fake!.url, outbound: { allowPrivateNetworks: true } });
  return { fake, client };
}

describe("CI status in discovery", () => {
  it("reads each default branch's head commit, check rollup and workflow runs in the discovery request itself", async () => {
    const { fake, client } = await setup();
    const gh = client(TOKEN);
    const { repositories: found, problems } = await discoverRepositories(gh, { owner: "acme", includeCiStatus: true });
    expect(problems).toEqual([]);
    expect(fake.requests.map((r) => r.operation)).toEqual(["StagedoorDiscoverRepositories"]);
    const ci = new Map(found.map((r) => [r.name, r.ci]));

    const green = ci.get("green")!;
    expect(green).toMatchObject({ readable: true, state: "success", commit: fake.state.repository("green").headOid });
    expect(green.runs.map((r) => [r.workflowName, r.status, r.conclusion])).toEqual([
      ["CI", "completed", "success"],
      ["Deploy", "completed", "success"],
    ]);
    const red = ci.get("red")!;
    expect(red.state).toBe("pending");
    expect(red.runs.map((r) => [r.workflowName, r.status, r.conclusion])).toEqual([
      ["CI", "completed", "failure"],
      ["Lint", "in_progress", null],
    ]);
    expect(ci.get("quiet")).toEqual({
      readable: true,
      commit: fake.state.repository("quiet").headOid,
      state: null,
      runs: [],
    });
    expect(ci.get("empty")).toEqual({ readable: true, commit: null, state: null, runs: [] });

    // The runs are the very records the REST run list gives, so either source writes the same rows.
    for (const name of ["green", "red"]) {
      const rest = await fetchWorkflowRuns(gh, { owner: "acme", repo: name, perPage: 10 });
      if (rest.status !== "ok") throw new Error(rest.status);
      const onHead = rest.runs.filter((r) => r.commitSha === fake.state.repository(name).headOid);
      const byId = (runs: typeof rest.runs) => [...runs].sort((a, b) => a.id - b.id);
      expect(byId(ci.get(name)!.runs)).toEqual(byId(onHead));
    }
  });

  it("without discovery being asked, the query reads no CI status", async () => {
    const { client } = await setup();
    const { repositories: found } = await discoverRepositories(client(TOKEN), { owner: "acme" });
    expect(found.every((r) => r.ci === null)).toBe(true);
  });

  it("a connection that may not read checks gets every repository, marked as CI unreadable", async () => {
    const { client } = await setup();
    const result = await discoverRepositories(client(NO_CHECKS), { owner: "acme", includeCiStatus: true });
    // Not a discovery problem: the listing is complete, so deletions are still detected.
    expect(result.problems).toEqual([]);
    expect(result.repositories.map((r) => r.name)).toEqual(["green", "red", "quiet", "empty"]);
    expect(result.repositories.map((r) => r.ci?.readable)).toEqual([false, false, false, true]);
  });
});
