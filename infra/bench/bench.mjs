// `npm run bench -- <suite> [options]` on a fresh clone: the benchmarks import the Prisma
// client, which `npm ci` does not generate, so generate it first (a few seconds), then run
// the TypeScript entry point on the project's Node 24.
import { existsSync } from "node:fs";
import path from "node:path";
import { bin, ensureInstalled, ensureNode24, prisma, root, run } from "../local/lib.mjs";

// Machines without internet access to Prisma's binaries provide a schema engine beside the
// clone, as .ci/run uses it (see the README, "Prisma's schema engine"); the benches migrate
// fresh databases with it.
const shim = path.resolve(root, "../shared/tools/prisma-schema-engine/shim.mjs");
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(shim)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = shim;

ensureInstalled();
ensureNode24();
prisma(["generate"]);
process.exit(run(bin("tsx"), ["infra/bench/run.ts", ...process.argv.slice(2)], { cwd: root, allowFailure: true }));
