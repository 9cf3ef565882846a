import { MAX_FILE_BYTES } from "@stagedoor/catalog";
import { AppError, DEFAULT_PUSH_SOURCE, importCatalog, type CatalogFileInput } from "@stagedoor/core";
import type { Authenticated } from "./auth";
import { errorResponse, json } from "./respond";
import { readLimitedBody } from "../../http/read-limited-body";

/** A JSON body carries several files; each still obeys the per-file limit of the parser. */
export const MAX_IMPORT_BODY_BYTES = 16 * 1024 * 1024;
const DEFAULT_FILE = "catalog-info.yaml";

/** Reads the body, refusing it as soon as it passes `limit`. */
async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  const body = await readLimitedBody(req, limit);
  if (!body)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes; split the import.`);
  return body;
}

function filesFromJson(bytes: Uint8Array): CatalogFileInput[] {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const files = (body as { files?: unknown } | null)?.files;
  const valid =
    Array.isArray(files) &&
    files.every((f) => f && typeof f === "object" && typeof f.name === "string" && typeof f.content === "string");
  if (!valid) throw new AppError("BAD_REQUEST", 'Send {"files": [{"name": "catalog-info.yaml", "content": "..."}]}.');
  return files as CatalogFileInput[];
}

/**
 * POST /import?source=<name>&dryRun=true: the body is one multi-document YAML file (name
 * it with ?file=), or JSON {files: [{name, content}]} for several. The files replace
 * what the push source held: entities it no longer contains are orphaned. 200 with the
 * report when every document is fine; 400 with Backstage's error shape plus the report
 * (file, document, line and column of each error) otherwise.
 */
export async function postImport(auth: Authenticated, url: URL, req: Request): Promise<Response> {
  const p = url.searchParams;
  const dryRun = ["true", "1"].includes(p.get("dryRun") ?? "");
  const isJson = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  const body = await readBody(req, isJson ? MAX_IMPORT_BODY_BYTES : MAX_FILE_BYTES);
  const files = isJson ? filesFromJson(body) : [{ name: p.get("file") || DEFAULT_FILE, content: body }];
  const report = await importCatalog(auth.db, auth.principal, {
    source: { type: "PUSH", key: p.get("source") || DEFAULT_PUSH_SOURCE },
    files,
    dryRun,
  });
  if (report.ok) return json(report);
  const { invalid, rejected, conflicts, duplicates, created, updated } = report.counts;
  const problems = `${invalid} invalid, ${rejected} refused, ${conflicts} conflicting and ${duplicates} duplicate documents`;
  const applied = dryRun
    ? "Nothing was written (dry run)."
    : `The ${created + updated} valid new or changed entities were imported; entities with errors keep their last good version.`;
  return errorResponse(req, "BAD_REQUEST", `The import has ${problems}. ${applied}`, { report });
}
