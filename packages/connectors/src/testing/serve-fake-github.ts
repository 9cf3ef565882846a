import { parseArgs } from "node:util";
import { generateOrg } from "./fake-org";
import { startFakeGitHub } from "./fake-github";

/**
 * Runs a fake GitHub as its own process, e.g. as a Playwright webServer or for the benchmark:
 *   npx tsx packages/connectors/src/testing/serve-fake-github.ts --port 4010 --repositories 200 \
 *     --token github_pat_e2e --latency 50
 * Mutate it mid-test through POST /_fake/mutate (see fake-control.ts).
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    org: { type: "string", default: "acme" },
    repositories: { type: "string", default: "50" },
    "catalog-ratio": { type: "string", default: "0.3" },
    token: { type: "string", multiple: true, default: ["github_pat_e2e"] },
    latency: { type: "string", default: "0" },
    "runs-per-repository": { type: "string", default: "3" },
  },
});

const port = Number(values.port);
const org = generateOrg({
  org: values.org,
  repositories: Number(values.repositories),
  catalogRatio: Number(values["catalog-ratio"]),
  webBaseUrl: `http://127.0.0.1:${port}`,
  workflowRunsPerRepository: Number(values["runs-per-repository"]),
});
const fake = await startFakeGitHub({
  ...org,
  org: values.org,
  port,
  latencyMs: Number(values.latency),
  tokens: Object.fromEntries(values.token.map((token) => [token, { login: "octocat" }])),
});
console.log(`fake GitHub for ${values.org} with ${org.repositories.length} repositories at ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
