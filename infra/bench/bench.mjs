// `npm run bench -- <suite> [options]` on a fresh clone: the benchmarks import the Prisma
// client, which `npm ci` does not generate, so generate it first (a few seconds), then run
// the TypeScript entry point on the project's Node 24.
import { bin, ensureInstalled, ensureNode24, prisma, root, run } from "../local/lib.mjs";

ensureInstalled();
ensureNode24();
prisma(["generate"]);
process.exit(run(bin("tsx"), ["infra/bench/run.ts", ...process.argv.slice(2)], { cwd: root, allowFailure: true }));
