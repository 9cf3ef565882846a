// The query phase of `npm run bench -- catalog`: the same Backstage-compatible requests
// against any catalog base URL (Stagedoor's /api/catalog, or a Backstage backend's
// /api/catalog), so one client measures both. Latency: sequential requests on one
// keep-alive connection. Throughput: autocannon in a separate process (catalog-load.mjs).
import { spawn } from "node:child_process";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureLatency, type Client, type Latency } from "./http-load";

const here = path.dirname(fileURLToPath(import.meta.url));

export type QueryPhaseOptions = {
  /** The catalog's base URL, e.g. http://127.0.0.1:7007/api/catalog. */
  baseUrl: string;
  token: string;
  /** Component names to ask for by name (found on the target when not given). */
  componentNames?: string[];
  /** Words for full-text terms. */
  words: readonly string[];
  samples: number;
  seconds: number;
  connections: number;
  say: (line: string) => void;
};

export type QueryPhaseResult = {
  latencyMs: Record<string, Latency>;
  averageMatches: { listPage: number; fullText: number };
  facetValues: Record<string, number>;
  getByNameThroughput: {
    connections: number;
    seconds: number;
    requestsPerSecond: number;
    non2xx: number;
    errors: number;
    latency: Latency;
  };
};

/** A keep-alive client for any http(s) base URL, with the bearer token on every request. */
export function urlClient(baseUrl: string, token: string, connections: number): Client {
  const base = new URL(baseUrl);
  const secure = base.protocol === "https:";
  const agent = new (secure ? https : http).Agent({ keepAlive: true, maxSockets: connections });
  const prefix = base.pathname.replace(/\/$/, "");
  return {
    get(p) {
      return new Promise((resolve, reject) => {
        const req = (secure ? https : http).request(
          {
            host: base.hostname,
            port: base.port || (secure ? 443 : 80),
            path: prefix + p,
            agent,
            headers: { authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

/** Component names on the target, through by-query's cursors (up to `max`). */
async function discoverComponents(c: Client, max: number): Promise<string[]> {
  const names: string[] = [];
  let next: string | undefined =
    "/entities/by-query?filter=kind=component&fields=metadata.name&orderField=metadata.name,asc&limit=1000";
  while (next && names.length < max) {
    const res = await c.get(next);
    if (res.status !== 200) throw new Error(`listing components answered ${res.status}: ${res.body.slice(0, 300)}`);
    const page = JSON.parse(res.body) as {
      items: Array<{ metadata: { name: string } }>;
      pageInfo: { nextCursor?: string };
    };
    names.push(...page.items.map((e) => e.metadata.name));
    next = page.pageInfo.nextCursor
      ? `/entities/by-query?cursor=${encodeURIComponent(page.pageInfo.nextCursor)}&limit=1000&fields=metadata.name`
      : undefined;
  }
  return names;
}

/** Runs autocannon in its own process against `paths` (relative to the base URL). */
function runLoad(baseUrl: string, token: string, paths: string[], connections: number, seconds: number) {
  return new Promise<QueryPhaseResult["getByNameThroughput"]>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, "catalog-load.mjs")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      const r = JSON.parse(out.trim().split("\n").at(-1)!) as Omit<
        QueryPhaseResult["getByNameThroughput"],
        "connections" | "seconds"
      >;
      resolve({ connections, seconds, ...r });
    });
    child.stdin.end(JSON.stringify({ url: baseUrl, token, paths, connections, seconds }));
  });
}

export async function runQueryPhase(opts: QueryPhaseOptions): Promise<QueryPhaseResult> {
  const { say } = opts;
  const one = urlClient(opts.baseUrl, opts.token, 1);
  try {
    const components = opts.componentNames ?? (await discoverComponents(one, 20_000));
    if (components.length === 0) throw new Error(`no components at ${opts.baseUrl}`);
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
    const byName = (name: string) => `/entities/by-name/component/default/${encodeURIComponent(name)}`;
    const scenarios: Record<string, () => string> = {
      getByName: () => byName(pick(components)),
      listPage: () =>
        `/entities/by-query?filter=kind=component,spec.lifecycle=${pick(["production", "experimental", "deprecated"])}&limit=50&orderField=metadata.name,asc`,
      facets: () =>
        "/entity-facets?facet=spec.type&facet=spec.lifecycle&facet=spec.owner&facet=metadata.tags&filter=kind=component",
      // Backstage searches only the fields named (else the order field, else metadata.uid).
      fullText: () =>
        `/entities/by-query?fullTextFilterTerm=${pick(opts.words)}&fullTextFilterFields=metadata.name,metadata.title&orderField=metadata.name,asc&limit=50`,
    };
    const latencyMs: Record<string, Latency> = {};
    for (const [name, paths] of Object.entries(scenarios)) {
      latencyMs[name] = await measureLatency(one, paths, opts.samples);
      const l = latencyMs[name]!;
      say(`${name.padEnd(10)} p50 ${l.p50.toFixed(2)} ms  p95 ${l.p95.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms`);
    }
    // How much the measured queries match, so the latencies can be read in context.
    const matched = async (next: () => string) => {
      let total = 0;
      for (let i = 0; i < 30; i++)
        total += (JSON.parse((await one.get(next())).body) as { totalItems: number }).totalItems;
      return Math.round(total / 30);
    };
    const averageMatches = {
      listPage: await matched(scenarios.listPage!),
      fullText: await matched(scenarios.fullText!),
    };
    const facetBody = JSON.parse((await one.get(scenarios.facets!())).body) as { facets: Record<string, unknown[]> };
    const facetValues = Object.fromEntries(Object.entries(facetBody.facets).map(([k, v]) => [k, v.length]));
    say(`facet values returned: ${JSON.stringify(facetValues)}`);
    say(`average totalItems: list filter ${averageMatches.listPage}, full-text term ${averageMatches.fullText}`);

    const paths = Array.from({ length: Math.min(components.length, 50_000) }, () => byName(pick(components)));
    const load = await runLoad(opts.baseUrl, opts.token, paths, opts.connections, opts.seconds);
    say(
      `getByName, autocannon, ${load.connections} connections, ${load.seconds} s: ${Math.round(load.requestsPerSecond)} req/s ` +
        `(p50 ${load.latency.p50.toFixed(2)} ms, p95 ${load.latency.p95.toFixed(2)} ms, ${load.non2xx} non-2xx, ${load.errors} errors)`,
    );
    return { latencyMs, averageMatches, facetValues, getByNameThroughput: load };
  } finally {
    one.close();
  }
}
