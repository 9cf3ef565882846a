// Shared helpers for `npm start` and `npm test`. Plain ESM that runs on any Node >= 18,
// because the first thing these scripts do on a fresh clone is install Node 24.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = (name) => path.join(root, "node_modules/.bin", name);

export function log(msg) {
  console.log(`\x1b[36m▸\x1b[0m ${msg}`);
}

export function fail(msg) {
  console.error(`\n\x1b[31m✖ ${msg}\x1b[0m\n`);
  process.exit(1);
}

/** Runs a command to completion with inherited output; exits the script if it fails. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0 && !opts.allowFailure)
    fail(`${cmd} ${args.join(" ")} failed (exit ${res.status ?? res.signal})`);
  return res.status ?? 1;
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const stale = !existsSync(marker) || !existsSync(bin("node")) || statSync(lock).mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/**
 * Re-runs the current script on the project's Node 24 (node_modules/.bin/node) when the
 * system Node is another version. Returns only when already on Node 24.
 */
export function ensureNode24() {
  if (process.versions.node.startsWith("24.")) return;
  const res = spawnSync(bin("node"), process.argv.slice(1), { stdio: "inherit", env: process.env });
  process.exit(res.status ?? 1);
}

/** Prisma's CLI downloads its schema engine on first use; say what to do when it can't. */
export function prisma(args, env = {}) {
  const res = spawnSync(bin("prisma"), args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  const out = `${res.stdout ?? ""}${res.stderr ?? ""}`;
  if (res.status !== 0) {
    process.stderr.write(out);
    if (/binaries\.prisma\.sh|ENOTFOUND/.test(out)) {
      fail(
        "Prisma could not download its schema engine (no internet access to binaries.prisma.sh).\n" +
          "  Point PRISMA_SCHEMA_ENGINE_BINARY at a schema-engine binary for this platform and run again.",
      );
    }
    fail(`prisma ${args.join(" ")} failed`);
  }
  return out;
}

export function portOpen(port, host = "127.0.0.1", timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export async function waitForPort(port, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not start listening on port ${port} within ${timeoutMs / 1000}s`);
}

export function onPath(cmd) {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).status === 0;
}

/** Starts a long-running child whose output is prefixed; it is stopped when we exit. */
export function startChild(name, cmd, args, opts = {}) {
  const child = spawn(cmd, args, {
    cwd: root,
    ...opts,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `\x1b[90m[${name}]\x1b[0m `;
  const pipe = (stream, out) => {
    let buf = "";
    stream.on("data", (d) => {
      buf += d;
      const lines = buf.split("\n");
      buf = lines.pop();
      for (const line of lines) if (!opts.quiet || /error|warn/i.test(line)) out.write(prefix + line + "\n");
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  children.push(child);
  return child;
}

const children = [];
export function stopChildren() {
  for (const c of children.reverse()) if (c.exitCode === null) c.kill("SIGTERM");
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    stopChildren();
    process.exit(130);
  });
}
process.on("exit", stopChildren);
