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
