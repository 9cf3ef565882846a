import { afterEach, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../testing";
import { createGitHubClient } from "./client";
import { teamsToEntities } from "./team-entities";
import { fetchOrganizationTeams, TeamsError } from "./teams";

const TOKEN = "github_pat_teams";
let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: FakeGitHubOptions) {
  fake = await startFakeGitHub({ tokens: { [TOKEN]: { login: "octocat" } }, ...options });
  return {
    fake,
    client: createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    ),
  };
}

describe("teams", () => {
  it("turns teams into groups with parents and members into users with memberOf", async () => {
    const { client, fake } = await setup({
      users: [
        { login: "alice", name: "Alice Liddell", email: "alice@acme.example" },
        { login: "bob", name: null, email: null },
      ],
      teams: [
        { slug: "engineering", name: "Engineering", description: "All engineers", members: ["alice"] },
        { slug: "payments", name: "Payments", parent: "engineering", members: ["alice", "bob"] },
      ],
      repositories: [
        {
          name: "ledger",
          teams: [
            { slug: "payments", permission: "admin" },
            { slug: "engineering", permission: "pull" },
          ],
        },
      ],
    });
    const teams = await fetchOrganizationTeams(client, { org: "acme", includeRepositories: true });
    expect(fake.requestCount).toBe(1);
    expect(teams.repositoryTeams.get("acme/ledger")).toEqual([
      { slug: "engineering", permission: "READ" },
      { slug: "payments", permission: "ADMIN" },
    ]);

    const { groups, users, problems } = teamsToEntities(teams, { org: "acme" });
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      {
        apiVersion: "backstage.io/v1alpha1",
        kind: "Group",
        metadata: {
          name: "engineering",
          namespace: "default",
          description: "All engineers",
          annotations: { "github.com/team-slug": "acme/engineering" },
        },
        spec: { type: "team", profile: { displayName: "Engineering" }, children: [] },
      },
      {
        apiVersion: "backstage.io/v1alpha1",
        kind: "Group",
        metadata: { name: "payments", namespace: "default", annotations: { "github.com/team-slug": "acme/payments" } },
        spec: { type: "team", profile: { displayName: "Payments" }, parent: "group:default/engineering", children: [] },
      },
    ]);
    const alice = users.find((u) => u.metadata.name === "alice");
    const bob = users.find((u) => u.metadata.name === "bob");
    expect(alice?.spec).toEqual({
      profile: {
        displayName: "Alice Liddell",
        email: "alice@acme.example",
        picture: expect.stringContaining("avatars"),
      },
      memberOf: ["group:default/engineering", "group:default/payments"],
    });
    expect(bob?.spec.profile).not.toHaveProperty("email");
    expect(bob?.spec.profile.displayName).toBe("bob");
    expect(bob?.spec.memberOf).toEqual(["group:default/payments"]);
  });

  it("pages through more than 100 teams and more than 100 members of one team", async () => {
    const big = Array.from({ length: 230 }, (_, i) => `member-${i}`);
    const { client, fake } = await setup({
      teams: [
        { slug: "everyone", members: big },
        ...Array.from({ length: 149 }, (_, i) => ({
          slug: `team-${String(i).padStart(3, "0")}`,
          members: [`member-${i}`],
        })),
      ],
    });
    const teams = await fetchOrganizationTeams(client, { org: "acme" });
    expect(teams.teams).toHaveLength(150);
    expect(teams.teams.find((t) => t.slug === "everyone")?.memberLogins).toEqual(big);
    expect(teams.members).toHaveLength(230);
    // Two pages of teams, two follow-up pages for the 230-member team.
    expect(fake.requests.map((r) => r.operation)).toEqual([
      "StagedoorOrganizationTeams",
      "StagedoorTeamMembers",
      "StagedoorTeamMembers",
      "StagedoorOrganizationTeams",
    ]);
  });

  it("skips names Backstage would reject and says why", () => {
    const { groups, users, problems } = teamsToEntities(
      {
        teams: [{ slug: "x".repeat(64), name: "Long", description: null, parentSlug: null, memberLogins: ["ok-user"] }],
        members: [{ login: "ok-user", name: null, email: null, avatarUrl: null }],
      },
      { org: "acme" },
    );
    expect(groups).toEqual([]);
    expect(users[0]?.spec.memberOf).toEqual([]);
    expect(problems).toEqual([expect.stringContaining("not a valid entity name")]);
  });

  it("explains a missing members permission and an unknown organisation", async () => {
    const { fake } = await setup({ teams: [{ slug: "a" }] });
    fake.auth.tokens["github_pat_nomembers"] = { login: "x", permissions: { metadata: "read" } };
    const limited = createGitHubClient(
      { type: "token", token: "github_pat_nomembers" },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    await expect(fetchOrganizationTeams(limited, { org: "acme" })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("members:read"),
    });
    const client = createGitHubClient(
      { type: "token", token: TOKEN },
      { baseUrl: fake.url, outbound: { allowPrivateNetworks: true } },
    );
    await expect(fetchOrganizationTeams(client, { org: "nope" })).rejects.toBeInstanceOf(TeamsError);
  });
});
