import type { FakeRepositorySpec, FakeTeamSpec, FakeUserSpec } from "./fake-state";

export type GeneratedOrgOptions = {
  org?: string;
  repositories: number;
  /** Share of repositories with a catalog file (default 0.3, spread evenly). */
  catalogRatio?: number;
  /** Share of catalog repositories whose catalog file is a Location pointing at another file (default 0.1). */
  locationRatio?: number;
  teams?: number;
  membersPerTeam?: number;
  catalogPath?: string;
  /** Makes Location targets absolute blob URLs on this host; relative (./...) otherwise. */
  webBaseUrl?: string;
  workflowRunsPerRepository?: number;
};

export type GeneratedOrg = { repositories: FakeRepositorySpec[]; teams: FakeTeamSpec[]; users: FakeUserSpec[] };

/** A deterministic organisation for tests and the benchmark: same options, same data. */
export function generateOrg(options: GeneratedOrgOptions): GeneratedOrg {
  const org = options.org ?? "acme";
  const teamCount = options.teams ?? 10;
  const perTeam = options.membersPerTeam ?? 5;
  const catalogRatio = options.catalogRatio ?? 0.3;
  const locationRatio = options.locationRatio ?? 0.1;
  const catalogPath = options.catalogPath ?? "catalog-info.yaml";
  const width = String(options.repositories).length;

  const users: FakeUserSpec[] = [];
  const teams: FakeTeamSpec[] = Array.from({ length: teamCount }, (_, t) => {
    const members: string[] = [];
    for (let m = 0; m < perTeam; m++) {
      const login = `dev-${t}-${m}`;
      members.push(login);
      users.push({ login, name: `Developer ${t}.${m}`, email: m % 2 === 0 ? `${login}@example.com` : null });
    }
    return {
      slug: `team-${t}`,
      name: `Team ${t}`,
      description: `Team number ${t}`,
      parent: t > 0 && t % 4 === 0 ? "team-0" : undefined,
      members,
    };
  });

  let catalogSoFar = 0;
  const repositories = Array.from({ length: options.repositories }, (_, i): FakeRepositorySpec => {
    const name = `service-${String(i).padStart(width, "0")}`;
    const defaultBranch = i % 7 === 0 ? "master" : "main";
    const team = `team-${i % Math.max(1, teamCount)}`;
    // Evenly spread: repository i has a catalog file when the running share falls behind the ratio.
    const hasCatalog = catalogSoFar < Math.round((i + 1) * catalogRatio);
    const files: Record<string, string> = {};
    if (hasCatalog) {
      catalogSoFar++;
      const useLocation = locationRatio > 0 && catalogSoFar % Math.max(1, Math.round(1 / locationRatio)) === 0;
      if (useLocation) {
        const target = options.webBaseUrl
          ? `${options.webBaseUrl}/${org}/${name}/blob/${defaultBranch}/catalog/component.yaml`
          : "./catalog/component.yaml";
        files[catalogPath] = location(name, target);
        files["catalog/component.yaml"] = component(org, name, team);
      } else {
        files[catalogPath] = component(org, name, team);
      }
    } else if (i % 2 === 0) {
      files[".github/CODEOWNERS"] = `* @${org}/${team}\n`;
    }
    return {
      name,
      defaultBranch,
      archived: i % 50 === 49,
      topics: i % 3 === 0 ? ["backend"] : [],
      description: `Service ${i}`,
      files,
      teams: [{ slug: team, permission: "maintain" }],
      workflowRuns: Array.from({ length: options.workflowRunsPerRepository ?? 0 }, (_, r) => ({
        workflowName: r % 2 === 0 ? "CI" : "Deploy",
        conclusion: r % 5 === 4 ? "failure" : "success",
        durationSeconds: 60 + r,
      })),
    };
  });
  return { repositories, teams, users };
}

function component(org: string, name: string, team: string): string {
  return [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Component",
    "metadata:",
    `  name: ${name}`,
    "  annotations:",
    `    github.com/project-slug: ${org}/${name}`,
    "spec:",
    "  type: service",
    "  lifecycle: production",
    `  owner: group:default/${team}`,
    "",
  ].join("\n");
}

function location(name: string, target: string): string {
  return [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Location",
    "metadata:",
    `  name: ${name}-location`,
    "spec:",
    "  type: url",
    `  target: ${target}`,
    "",
  ].join("\n");
}
