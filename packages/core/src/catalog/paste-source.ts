import { Prisma, type TenantDb } from "@stagedoor/db";
import type { Principal } from "../authz";
import { importCatalog } from "./import-catalog";
import type { CatalogFileInput, IngestionReport } from "./ingestion-types";
import { checkFileNames, parseSourceFiles } from "./parse-files";

const PREFIX = "paste/";
const MAX_KEY = 100;

/**
 * The push source a pasted or uploaded file goes to when nobody names one. Never a shared
 * default: two unrelated pastes under one name would orphan each other's entities. So:
 * the push source that already holds most of the file's entities (pasting a file again
 * updates what it created, and the dry run lists what it dropped), otherwise a new one
 * named after the file's first entity (`paste/component/default/payments-api`).
 */
export async function pasteSourceKey(db: TenantDb, files: CatalogFileInput[]): Promise<string> {
  checkFileNames(files);
  const parsed = parseSourceFiles(files);
  const refs = [...parsed.valid.map((d) => d.entity.ref), ...parsed.failed.flatMap((d) => (d.ref ? [d.ref] : []))];
  if (refs.length) {
    const [holder] = await db.sql.one<{ key: string }>(Prisma.sql`
      SELECT s.key FROM "CatalogEntity" e JOIN "CatalogSource" s ON s.id = e."sourceId"
      WHERE e."orgId" = ${db.orgId} AND s.type = 'PUSH' AND e.ref = ANY(${refs}::text[])
      GROUP BY s.key ORDER BY count(*) DESC, s.key LIMIT 1`);
    if (holder) return holder.key;
  }
  const base = keyFrom(refs[0]?.replace(":", "/") ?? files[0]?.name ?? "file");
  // A source of that name holding other entities (say the file's first entity moved
  // elsewhere) must not be reused: importing into it would orphan what it holds.
  const taken = await db.sql.one<{ key: string }>(Prisma.sql`
    SELECT s.key FROM "CatalogSource" s
    WHERE s."orgId" = ${db.orgId} AND s.type = 'PUSH' AND (s.key = ${base} OR s.key LIKE ${`${base}-%`})
      AND EXISTS (SELECT 1 FROM "CatalogEntity" e WHERE e."sourceId" = s.id AND e."orphanedAt" IS NULL)`);
  const used = new Set(taken.map((t) => t.key));
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base.slice(0, MAX_KEY - String(n).length - 1)}-${n}`;
    if (!used.has(key)) return key;
  }
}

/** `paste/` and the name, in the characters a source key allows. */
function keyFrom(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._/-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .slice(0, MAX_KEY - PREFIX.length);
  return `${PREFIX}${safe || "file"}`;
}

/**
 * The Register page's import: like any push, under the source the user named, or else
 * under `pasteSourceKey`. The report names the source, so the import after a dry run
 * goes to the source that was checked.
 */
export async function importPastedCatalog(
  db: TenantDb,
  by: Principal | null,
  input: { source?: string; files: CatalogFileInput[]; dryRun: boolean },
): Promise<IngestionReport> {
  const key = input.source?.trim() || (await pasteSourceKey(db, input.files));
  return importCatalog(db, by, { source: { type: "PUSH", key }, files: input.files, dryRun: input.dryRun });
}
