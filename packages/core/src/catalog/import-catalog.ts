import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { CatalogError } from "@stagedoor/catalog";
import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import {
  ORPHAN_LIST_LIMIT,
  type CatalogFileInput,
  type FileOutcome,
  type ImportCatalogInput,
  type IngestionReport,
} from "./ingestion-types";
import { assertNotEmpty, checkFileNames, emptyParsed, parseFileInto, type SeenRefs } from "./parse-files";
import {
  countOutcomes,
  planBatch,
  planOrphans,
  type ConflictRecord,
  type PlanContext,
  type SourceErrorRecord,
} from "./plan-ingestion";
import { assertValidSourceKey, ensureSource, findSource } from "./sources";
import { finishIngestion, loadEntitiesByRef, loadSourceEntities, lockOrgCatalog, writeBatch } from "./write-ingestion";
import { refreshFacetCounts } from "./facet-summary";

// A 100,000-entity source takes tens of seconds; the default 5 s would abort it.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;
// Files are parsed and written in batches of about this much YAML, so that PostgreSQL
// writes one batch while this process parses the next (parsing is CPU-bound here).
const BATCH_BYTES = 512 * 1024;

type Tx = PrismaTypes.TransactionClient;

/**
 * The one ingestion pipeline, for every kind of source: parse → validate → normalise →
 * derive relations (pure, packages/catalog), then, in one tenant transaction, compare
 * with the stored state and apply the difference with set-based statements. Idempotent:
 * the same input twice changes nothing the second time. `by` is null for system syncs.
 */
export async function importCatalog(
  db: TenantDb,
  by: Principal | null,
  input: ImportCatalogInput,
): Promise<IngestionReport> {
  const started = performance.now();
  const dryRun = input.dryRun ?? false;
  const { type, key } = input.source;
  assertValidSourceKey(key);
  // null is the system (a sync the org set up); everyone else needs the permission.
  if (by) authorize(by, dryRun ? "catalog.read" : "catalog.import");
  checkFileNames(input.files);

  const result = await db.transaction(
    async (tx) => {
      if (!dryRun) await lockOrgCatalog(tx, db.orgId);
      const source = dryRun
        ? await findSource(tx, type, key)
        : await ensureSource(tx, db.orgId, type, key, input.source.location);
      const sourceId = source?.id ?? null;
      const ctx: PlanContext = { sourceId, existing: new Map(), emitted: new Set() };
      for (const row of await loadSourceEntities(tx, db.orgId, sourceId)) ctx.existing.set(row.ref, row);

      const run = await runBatches(db, tx, ctx, input.files, dryRun);
      assertNotEmpty(run.files, input.allowEmpty ?? false);
      const { orphans, retained } = planOrphans(ctx, run.rejectedFiles);
      const counts = countOutcomes(run.files, orphans.length);
      if (!dryRun && sourceId) {
        await finishIngestion(tx, db.orgId, sourceId, { orphans, retained, ...run });
        // Only content changes move counts: errors, orphaning and moves between files do not.
        await refreshFacetCounts(tx, db.orgId, run.changedKinds);
        await tx.catalogSource.update({
          where: { id: sourceId },
          data: { lastIngestedAt: new Date(), lastSummary: counts },
        });
        const who = auditIdentity(by);
        await recordAudit(tx, {
          orgId: db.orgId,
          actor: who.actor,
          action: "catalog.imported",
          target: `${type.toLowerCase()}:${key}`,
          data: { ...who.data, ...counts, files: input.files.length },
        });
      }
      return { files: run.files, counts, orphans };
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );

  const { counts } = result;
  return {
    source: { type, key },
    dryRun,
    ok: counts.invalid + counts.rejected + counts.conflicts + counts.duplicates === 0,
    counts,
    files: result.files,
    orphaned: result.orphans.slice(0, ORPHAN_LIST_LIMIT).map((o) => o.ref),
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Parses the files batch by batch; each batch is planned against the stored state and its
 * writes start without being awaited, so the next batch parses while PostgreSQL works.
 * Yielding after every file lets the transaction's statements go out meanwhile.
 */
async function runBatches(db: TenantDb, tx: Tx, ctx: PlanContext, files: CatalogFileInput[], dryRun: boolean) {
  const seen: SeenRefs = new Map();
  const out = {
    files: [] as FileOutcome[],
    rejectedFiles: new Map<string, CatalogError[]>(),
    conflicts: [] as ConflictRecord[],
    sourceErrors: [] as SourceErrorRecord[],
    changedKinds: [] as string[],
  };
  const changedKinds = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  for (const batch of batchesOf(files)) {
    const parsed = emptyParsed();
    for (const file of batch) {
      parseFileInto(file, seen, parsed);
      await yieldToEventLoop();
    }
    const refs = [...parsed.valid.map((d) => d.entity.ref), ...parsed.failed.flatMap((d) => (d.ref ? [d.ref] : []))];
    const found = loadEntitiesByRef(
      tx,
      db.orgId,
      refs.filter((r) => !ctx.existing.has(r)),
    );
    found.catch(() => undefined);
    await writing;
    for (const row of await found) ctx.existing.set(row.ref, row);
    const plan = planBatch(parsed, ctx);
    for (const w of plan.writes) if (w.contentChanged) changedKinds.add(w.doc.entity.fields.kind.toLowerCase());
    out.files.push(...parsed.files);
    for (const [file, errors] of parsed.rejectedFiles) out.rejectedFiles.set(file, errors);
    out.conflicts.push(...plan.conflicts);
    out.sourceErrors.push(...plan.sourceErrors);
    if (!dryRun && ctx.sourceId) writing = writeBatch(tx, db.orgId, ctx.sourceId, plan);
    // Failures are thrown by the next `await`; these catches only keep Node from calling
    // them unhandled meanwhile.
    writing.catch(() => undefined);
  }
  await writing;
  out.changedKinds = [...changedKinds];
  return out;
}

function* batchesOf(files: CatalogFileInput[]): Generator<CatalogFileInput[]> {
  let batch: CatalogFileInput[] = [];
  let bytes = 0;
  for (const file of files) {
    batch.push(file);
    bytes += typeof file.content === "string" ? file.content.length : file.content.byteLength;
    if (bytes >= BATCH_BYTES) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield batch;
}
