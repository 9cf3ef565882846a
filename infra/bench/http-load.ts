import http from "node:http";

export type Latency = { n: number; p50: number; p95: number; p99: number; mean: number };

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean };
}

export type Client = {
  get(path: string): Promise<{ status: number; body: string }>;
  close(): void;
};

/** A keep-alive HTTP/1.1 client with a bearer token, like a tool calling the API. */
export function client(port: number, token: string, connections: number): Client {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return {
    get(path) {
      return new Promise((resolve, reject) => {
        const req = http.request(
          { host: "127.0.0.1", port, path, agent, headers: { authorization: `Bearer ${token}` } },
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

/** Sequential requests on one connection: latency as one user sees it (ms). */
export async function measureLatency(c: Client, paths: () => string, samples: number, warmup = 30): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const path = paths();
    const started = performance.now();
    const res = await c.get(path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
    if (i >= warmup) times.push(performance.now() - started);
  }
  return percentiles(times);
}

/** `connections` loops requesting back to back for `seconds`: throughput (req/s) and latency under load. */
export async function measureThroughput(c: Client, paths: () => string, connections: number, seconds: number) {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await c.get(paths());
        if (res.status === 200) times.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { requestsPerSecond: times.length / elapsed, errors, latency: percentiles(times) };
}
