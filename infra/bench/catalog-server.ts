// The catalog REST API on node:http, for the benchmark: the same fetch handler the Next
// route mounts, behind the smallest adapter (the bench measures the API, not Next).
// Prints "PORT <n>" once listening. Runs in its own process so client and server don't
// share an event loop.
import http from "node:http";
import { createDatabase } from "@stagedoor/db";
import { createCatalogRestHandler } from "@stagedoor/api/rest";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const db = createDatabase({ url, poolSize: Number(process.env.POOL_SIZE ?? 10) });
const handle = createCatalogRestHandler({ db: () => db, sessionUser: async () => null }, "/api/catalog");

const server = http.createServer(async (req, res) => {
  if (req.url === "/__rss") {
    res.end(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
    return;
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const request = new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
  const response = await handle(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`PORT ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  server.close();
  void db.disconnect().then(() => process.exit(0));
});
