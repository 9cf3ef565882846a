import { basename } from "node:path";
import { readFiles } from "./read-files";
import { validateFiles } from "./validate";

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

/**
 * Validates locally first (no request for a file that cannot pass), then sends all files
 * in one import so the server can orphan what the source no longer contains.
 */
export async function pushCommand(paths: string[], flags: Record<string, string | boolean>, io: Io): Promise<number> {
  const url = typeof flags.url === "string" ? flags.url : "";
  const token = typeof flags.token === "string" ? flags.token : "";
  if (!/^https?:\/\//.test(url)) {
    io.err.write("stagedoor catalog push: --url must be the portal's address, e.g. https://portal.example.com\n");
    return 2;
  }
  if (!token) {
    io.err.write("stagedoor catalog push: --token is required (an org API token with catalog:write)\n");
    return 2;
  }
  const invalid = (await validateFiles(paths)).filter((r) => !r.valid);
  if (invalid.length > 0) {
    for (const r of invalid) for (const e of r.errors) io.err.write(`✖ ${e.message}\n`);
    io.err.write(`\nNot pushed: ${invalid.length} invalid document(s). Fix them and push again.\n`);
    return 1;
  }
  const files = (await readFiles(paths)).flatMap((f) =>
    "content" in f ? [{ name: f.name, content: f.content.toString("utf8") }] : [],
  );
  const source =
    typeof flags.source === "string" && flags.source
      ? flags.source
      : `cli/${basename(process.cwd()).replace(/[^A-Za-z0-9._-]/g, "-") || "default"}`;
  const endpoint = new URL("/api/catalog/import", url);
  endpoint.searchParams.set("source", source);
  if (flags["dry-run"]) endpoint.searchParams.set("dryRun", "true");

  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: "POST",
      // The user agent tells the portal (Insights) that the CLI made the call.
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": "stagedoor-cli" },
      body: JSON.stringify({ files }),
    });
  } catch (e) {
    io.err.write(`Could not reach ${endpoint.origin}: ${(e as Error).cause ?? (e as Error).message}\n`);
    return 1;
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  if (flags.json) io.out.write(JSON.stringify({ status: res.status, body }, null, 2) + "\n");
  if (!res.ok) {
    const message = (body as { error?: { message?: string } })?.error?.message ?? text.slice(0, 500);
    io.err.write(`✖ Import refused (HTTP ${res.status}): ${message}\n`);
    return 1;
  }
  if (!flags.json)
    io.out.write(`✔ ${flags["dry-run"] ? "Dry run" : "Imported"} source "${source}": ${summarize(body)}\n`);
  return 0;
}

function summarize(body: unknown): string {
  const counts = (body as { counts?: Record<string, number> })?.counts;
  if (!counts) return "done";
  return Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");
}
