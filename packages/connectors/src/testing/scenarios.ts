import { generateOrg, type GeneratedOrg } from "./fake-org";

export type ScenarioName = "generated" | "onboarding";

export type ScenarioOptions = {
  org: string;
  /** For "generated": its size and shape. */
  repositories?: number;
  catalogRatio?: number;
  runsPerRepository?: number;
  /** The server's own origin, for absolute Location targets. */
  webBaseUrl?: string;
};

const component = (org: string, name: string, owner: string, extra: string[] = []) =>
  [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Component",
    "metadata:",
    `  name: ${name}`,
    `  description: The ${name} service`,
    "  annotations:",
    `    github.com/project-slug: ${org}/${name}`,
    "spec:",
    "  type: service",
    "  lifecycle: production",
    `  owner: group:default/${owner}`,
    ...extra,
    "",
  ].join("\n");

/**
 * A small, hand-written organisation for browser tests of the onboarding: every case the
 * dry run and the first sync show (valid files, a Location, a malformed file, repositories
 * without a catalog file with and without an owner, an archived one), teams with members,
 * and CI runs with both outcomes. Same data every time.
 */
function onboarding(org: string): GeneratedOrg {
  const runs = [
    { workflowName: "CI", conclusion: "success" as const, durationSeconds: 95 },
    { workflowName: "Deploy", conclusion: "failure" as const, durationSeconds: 41 },
  ];
  return {
    users: [
      { login: "alice", name: "Alice Example", email: "alice@example.com" },
      { login: "bob", name: "Bob Example", email: null },
      { login: "carol", name: "Carol Example", email: "carol@example.com" },
    ],
    teams: [
      { slug: "platform", name: "Platform", description: "Runs the platform", members: ["alice", "bob"] },
      { slug: "web", name: "Web", description: "Builds the web app", parent: "platform", members: ["carol"] },
    ],
    repositories: [
      {
        name: "payments-api",
        description: "Takes payments",
        teams: [{ slug: "platform", permission: "admin" }],
        files: {
          "catalog-info.yaml": `${component(org, "payments-api", "platform", ["  providesApis: [payments]"])}---\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: payments\nspec:\n  type: openapi\n  lifecycle: production\n  owner: group:default/platform\n  definition: "openapi: 3.0.0"\n`,
        },
        workflowRuns: runs,
      },
      {
        name: "web-frontend",
        description: "The customer web app",
        teams: [{ slug: "web", permission: "maintain" }],
        files: {
          "catalog-info.yaml": component(org, "web-frontend", "web", [
            "  dependsOn: [component:default/payments-api]",
            "  consumesApis: [payments]",
          ]),
        },
        workflowRuns: runs,
      },
      {
        name: "docs-site",
        teams: [{ slug: "web", permission: "push" }],
        files: {
          "catalog-info.yaml":
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: docs-site-location\nspec:\n  type: url\n  target: ./catalog/docs.yaml\n",
          "catalog/docs.yaml": component(org, "docs-site", "web"),
        },
        workflowRuns: [runs[0]!],
      },
      {
        name: "broken-service",
        files: {
          "catalog-info.yaml":
            "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Broken Service\nspec:\n  type: service\n  lifecycle: production\n",
        },
      },
      { name: "legacy-tool", files: { ".github/CODEOWNERS": "* @acme/platform\n" } },
      { name: "sandbox", teams: [{ slug: "web", permission: "pull" }] },
      {
        name: "old-monolith",
        archived: true,
        files: { "catalog-info.yaml": component(org, "old-monolith", "platform") },
      },
    ],
  };
}

/** The organisation a fake GitHub process serves, by scenario name. */
export function scenarioOrg(name: ScenarioName, options: ScenarioOptions): GeneratedOrg {
  if (name === "onboarding") return onboarding(options.org);
  return generateOrg({
    org: options.org,
    repositories: options.repositories ?? 50,
    catalogRatio: options.catalogRatio ?? 0.3,
    webBaseUrl: options.webBaseUrl,
    workflowRunsPerRepository: options.runsPerRepository ?? 3,
  });
}

export const SCENARIOS: readonly ScenarioName[] = ["generated", "onboarding"];
