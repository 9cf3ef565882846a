#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, resolved from this package's location so
// the command works from any directory.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
