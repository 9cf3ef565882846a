// The external load generator of the catalog bench: autocannon in its own process (plain
// Node, no TypeScript loader), so the client shares neither event loop nor JIT with the
// API it measures. Reads {url, token, paths, connections, seconds} as JSON on stdin,
// requests a random path of `paths` (below url's path) per request, and prints one JSON
// line: requests per second, latency percentiles (ms) and errors.
import autocannon from "autocannon";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { url, token, paths, connections, seconds } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const base = new URL(url);
const prefix = base.pathname.replace(/\/$/, "");

const times = [];
const instance = autocannon(
  {
    url: base.origin,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: prefix + paths[Math.floor(Math.random() * paths.length)] }),
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    const ok = times.length;
    console.log(
      JSON.stringify({
        requestsPerSecond: ok / result.duration,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latency: { n: ok, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: result.latency.average },
      }),
    );
  },
);
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
});
