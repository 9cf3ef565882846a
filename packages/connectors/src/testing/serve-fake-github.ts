import { parseArgs } from "node:util";
import { DEFAULT_PERMISSIONS } from "./fake-auth";
import { startFakeGitHub } from "./fake-github";
import { scenarioOrg, SCENARIOS, type ScenarioName } from "./scenarios";

/**
 * Runs a fake GitHub as its own process, e.g. as a Playwright webServer or for the benchmark:
 *   npm run fake-github --workspace @stagedoor/connectors -- --port 4010 --scenario onboarding
 *   npx tsx packages/connectors/src/testing/serve-fake-github.ts --port 4010 --repositories 200 \
 *     --token github_pat_e2e --latency 50
 * --token grants read access (GitHub's defaults for a catalog integration); --write-token also
 * Contents and Pull requests write, for Register by URL's pull requests.
 * Scenarios: "generated" (default; --repositories, --catalog-ratio, --runs-per-repository) and
 * "onboarding" (a small hand-written org, see scenarios.ts). Mutate it mid-test through
 * POST /_fake/mutate (see fake-control.ts). Prints "fake GitHub ... at <url>" when ready.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    org: { type: "string", default: "acme" },
    scenario: { type: "string", default: "generated" },
    repositories: { type: "string", default: "50" },
    "catalog-ratio": { type: "string", default: "0.3" },
    token: { type: "string", multiple: true, default: ["github_pat_e2e"] },
    "write-token": { type: "string", multiple: true, default: [] },
    latency: { type: "string", default: "0" },
    "runs-per-repository": { type: "string", default: "3" },
  },
});

if (!SCENARIOS.includes(values.scenario as ScenarioName)) {
  console.error(`--scenario must be one of ${SCENARIOS.join(", ")}`);
  process.exit(2);
}
const port = Number(values.port);
const org = scenarioOrg(values.scenario as ScenarioName, {
  org: values.org,
  repositories: Number(values.repositories),
  catalogRatio: Number(values["catalog-ratio"]),
  runsPerRepository: Number(values["runs-per-repository"]),
  webBaseUrl: `http://127.0.0.1:${port}`,
});
const fake = await startFakeGitHub({
  ...org,
  org: values.org,
  port,
  latencyMs: Number(values.latency),
  tokens: {
    ...Object.fromEntries(values.token.map((token) => [token, { login: "octocat" }])),
    ...Object.fromEntries(
      values["write-token"].map((token) => [
        token,
        { login: "octocat", permissions: { ...DEFAULT_PERMISSIONS, contents: "write", pull_requests: "write" } },
      ]),
    ),
  },
});
console.log(
  `fake GitHub for ${values.org} (${values.scenario}) with ${org.repositories.length} repositories at ${fake.url}`,
);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
