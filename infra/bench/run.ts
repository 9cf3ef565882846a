// `npm run bench -- <suite> [options]`: benchmarks are scripts that print numbers
// (docs/architecture.md, "Tests"); tests assert behaviour, never timings.
import { runCatalogBench } from "./catalog";
import { runCostBench } from "./cost";
import { runGithubBench } from "./github";
import { runScimBench } from "./scim";
import { runKubernetesBench } from "./kubernetes";
import { runInsightsBench } from "./insights";

const SUITES: Record<string, (args: string[]) => Promise<void>> = {
  catalog: runCatalogBench,
  cost: runCostBench,
  github: runGithubBench,
  scim: runScimBench,
  kubernetes: runKubernetesBench,
  insights: runInsightsBench,
};

const [suite, ...args] = process.argv.slice(2);
const run = suite ? SUITES[suite] : undefined;
if (!run) {
  console.error(`usage: npm run bench -- <${Object.keys(SUITES).join("|")}> [options]`);
  process.exit(2);
}
try {
  await run(args);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
