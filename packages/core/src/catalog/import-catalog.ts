import type { CatalogError } from "@stagedoor/catalog";
import { forgetQueryHistory, type PrismaTypes, type TenantDb } from "@stagedoor/db";
import { recordAudits, type recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import {
  REPORTED_DOCUMENT_LIMIT,
  type CatalogFileInput,
  type DocumentOutcome,
  type FileOutcome,
  type ImportCatalogInput,
  type IngestionCounts,
  type IngestionReport,
} from "./ingestion-types";
import {
  assertNotEmpty,
  checkFileNames,
  collectParsedFile,
  emptyParsed,
  fileNameCheck,
  refsOf,
  type ParsedFile,
  type SeenRefs,
} from "./parse-files";
import {
  countOutcomes,
  planBatch,
  type BatchPlan,
  type ConflictRecord,
  type SourceErrorRecord,
} from "./plan-ingestion";
import { assertValidSourceKey, ensureSource, findSource } from "./sources";
import { loadEntitiesByRef, lockOrgCatalog } from "./ingestion-state";
import { markSourcesIngested, replaceSourceRecords, writeSourceSet } from "./write-source-set";
import { applyFacetDelta, FACET_CHUNK, FacetDelta } from "./facet-summary";
import { EmittedRefs, IN_MEMORY_REFS } from "./emitted-refs";
import { defaultParsePool, type ParsePool } from "./parse-pool";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";

// A million-entity source takes minutes; the default 5 s would abort it.
const TRANSACTION_TIMEOUT_MS = 30 * 60_000;
// Files are parsed and written in batches of about this much YAML: memory holds a batch or
// two, never the source, and PostgreSQL writes one batch while the next is parsed.
const BATCH_BYTES = 512 * 1024;

type Tx = PrismaTypes.TransactionClient;

/** A source written by this transaction: its summary and audit entry are stored at the end. */
type Ingested = { sourceId: string; counts: IngestionCounts; audit: Parameters<typeof recordAudit>[1] };

/** Knobs for tests and benchmarks; production uses the defaults. */
export type IngestionTuning = {
  batchBytes?: number;
  pool?: ParsePool;
  /** Refs kept in memory before they move to a temporary table (emitted-refs.ts). */
  inMemoryRefs?: number;
  /** Facet changes per statement at the end (facet-summary.ts). */
  facetChunk?: number;
};

/**
 * The one ingestion pipeline, for every kind of source: parse → validate → normalise →
 * derive relations (pure, packages/catalog, on the parse pool's threads), then, in one
 * tenant transaction, batch by batch, compare with the stored state and apply the
 * difference with set-based statements; the source's entities it no longer emits are
 * orphaned at the end. Idempotent: the same input twice changes nothing the second time.
 * `by` is null for system syncs.
 */
export async function importCatalog(
  db: TenantDb,
  by: Principal | null,
  input: ImportCatalogInput,
  tuning: IngestionTuning = {},
): Promise<IngestionReport> {
  const [report] = await importCatalogSources(db, by, [input], tuning);
  return report!;
}

/**
 * Several sources in one transaction, one after another (a page of GitHub repositories,
 * each its own source): one lock, one facet update and one commit for all of them, instead
 * of one each. Same rules and reports as importing each on its own.
 */
export async function importCatalogSources(
  db: TenantDb,
  by: Principal | null,
  inputs: ImportCatalogInput[],
  tuning: IngestionTuning = {},
): Promise<IngestionReport[]> {
  for (const input of inputs) {
    assertValidSourceKey(input.source.key);
    // null is the system (a sync the org set up); everyone else needs the permission.
    if (by) authorize(by, input.dryRun ? "catalog.read" : "catalog.import");
    if (Array.isArray(input.files)) checkFileNames(input.files);
  }
  if (inputs.length === 0) return [];
  const settings = {
    batchBytes: tuning.batchBytes ?? BATCH_BYTES,
    pool: tuning.pool ?? defaultParsePool,
    inMemoryRefs: tuning.inMemoryRefs ?? IN_MEMORY_REFS,
    facetChunk: tuning.facetChunk ?? FACET_CHUNK,
  };
  return db.transaction(
    async (tx) => {
      if (inputs.some((input) => !input.dryRun)) await lockOrgCatalog(tx, db.orgId);
      const facets = new FacetDelta();
      const done: Ingested[] = [];
      const reports: IngestionReport[] = [];
      for (const input of inputs) reports.push(await ingestSource(tx, db.orgId, by, input, facets, done, settings));
      await applyFacetDelta(tx, db.orgId, facets, settings.facetChunk);
      // Each source's summary and audit entry, for all sources at once.
      await markSourcesIngested(tx, done);
      await recordAudits(
        tx,
        done.map((d) => d.audit),
      );
      return reports;
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}

async function ingestSource(
  tx: Tx,
  orgId: string,
  by: Principal | null,
  input: ImportCatalogInput,
  facets: FacetDelta,
  done: Ingested[],
  settings: Required<IngestionTuning>,
): Promise<IngestionReport> {
  const started = performance.now();
  const dryRun = input.dryRun ?? false;
  const { type, key } = input.source;
  const source = dryRun
    ? await findSource(tx, type, key)
    : await ensureSource(tx, orgId, type, key, input.source.location);
  const sourceId = source?.id ?? null;
  const emitted = new EmittedRefs(tx, settings.inMemoryRefs);
  const run = await runBatches(tx, orgId, sourceId, input.files, emitted, dryRun ? null : facets, settings);
  assertNotEmpty(run.hasContent, input.allowEmpty ?? false);
  const orphaned = sourceId
    ? await emitted.orphanTheRest(orgId, sourceId, run.rejectedFiles, !dryRun)
    : { count: 0, refs: [] };
  const counts = { ...run.counts, orphaned: orphaned.count };
  if (!dryRun && sourceId) {
    await replaceSourceRecords(tx, orgId, [{ sourceId, ...run }]);
    const who = auditIdentity(by);
    done.push({
      sourceId,
      counts,
      audit: {
        orgId,
        actor: who.actor,
        action: "catalog.imported",
        target: `${type.toLowerCase()}:${key}`,
        data: { ...who.data, ...counts, files: run.fileCount },
      },
    });
  }
  return {
    source: { type, key },
    dryRun,
    ok: counts.invalid + counts.rejected + counts.conflicts + counts.duplicates === 0,
    counts,
    files: run.files,
    orphaned: orphaned.refs,
    documentsOmitted: run.documentsOmitted,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Batch by batch: parse, find earlier definitions of its refs and their stored rows, plan,
 * write. Three batches are in flight at once, so that the parse threads, this thread and
 * PostgreSQL all work at the same time: batch k+2 parses while batch k+1 is looked up and
 * planned here and batch k is written, with PostgreSQL's next statement always queued. Only the report and the source-wide records (rejected
 * files, conflicts, errors) outlive a batch, and which refs were emitted (emitted-refs.ts: in
 * the database for a large source). `facets` is null in a dry run.
 */
async function runBatches(
  tx: Tx,
  orgId: string,
  sourceId: string | null,
  files: ImportCatalogInput["files"],
  emitted: EmittedRefs,
  facets: FacetDelta | null,
  settings: Required<IngestionTuning>,
) {
  const out = {
    files: [] as FileOutcome[],
    rejectedFiles: new Map<string, CatalogError[]>(),
    conflicts: [] as ConflictRecord[],
    sourceErrors: [] as SourceErrorRecord[],
    counts: countOutcomes([], 0),
    hasContent: false,
    fileCount: 0,
    documentsOmitted: 0,
  };
  let listed = 0;
  const checkName = fileNameCheck();
  const batches = batchesOf(files, settings.batchBytes);
  const parseNext = async (): Promise<ParsedFile[] | null> => {
    const next = await batches.next();
    if (next.done) return null;
    for (const file of next.value) checkName(file.name);
    return settings.pool.parse(next.value);
  };
  // Failures are thrown where these are awaited; the catch only keeps Node from calling them
  // unhandled meanwhile.
  const inFlight = <T>(promise: Promise<T>) => {
    promise.catch(() => undefined);
    return promise;
  };

  let parsing = inFlight(parseNext());
  // Batch k: planned and waiting to be written, with the refs it defined first.
  let planned: { plan: BatchPlan; fresh: Array<[string, string]> } | null = null;
  // Batch k-1's writes, in flight.
  let writing: Promise<unknown> | null = null;
  for (;;) {
    const parsedFiles = await parsing;
    if (parsedFiles) parsing = inFlight(parseNext());
    // On the transaction's one connection statements run in the order they are issued, so
    // PostgreSQL always has the next one waiting: batch k+1's lookups (behind batch k-1's
    // writes, whose refs they see), then batch k's writes, which this thread does not wait
    // for before planning batch k+1. A ref batch k defined is a duplicate in batch k+1,
    // known from `planned.fresh` until `emitted` records it with batch k's writes.
    const refs = parsedFiles?.flatMap(refsOf) ?? [];
    const lookups = parsedFiles
      ? inFlight(Promise.all([emitted.earlier(refs), loadEntitiesByRef(tx, orgId, [...new Set(refs)])]))
      : null;
    // Prisma sends the statements a transaction issues in one tick as one batch and answers
    // them all when the last is done: the lookups must leave in a tick of their own, or
    // they would wait for the writes after them.
    if (lookups) await yieldToEventLoop();
    const previous = writing;
    writing = planned
      ? inFlight(
          Promise.all([
            emitted.record(planned.fresh),
            facets && sourceId ? writeSourceSet(tx, orgId, [{ sourceId, plan: planned.plan }], facets) : null,
          ]),
        )
      : null;
    await previous;
    forgetQueryHistory();
    if (!parsedFiles || !lookups) {
      await writing;
      break;
    }
    const [earlier, found] = await lookups;
    // Only the previous batch's own refs: older ones are in `emitted` by now.
    const seen: SeenRefs = new Map([...(planned?.fresh ?? []), ...earlier]);
    const known = new Set(seen.keys());
    const parsed = emptyParsed();
    for (const file of parsedFiles) collectParsedFile(file, seen, parsed);
    const plan = planBatch(parsed, { sourceId, existing: new Map(found.map((row) => [row.ref, row])) });
    planned = { plan, fresh: [...seen].filter(([ref]) => !known.has(ref)) };

    for (const [file, errors] of parsed.rejectedFiles) out.rejectedFiles.set(file, errors);
    out.conflicts.push(...plan.conflicts);
    out.sourceErrors.push(...plan.sourceErrors);
    addCounts(out.counts, countOutcomes(parsed.files, 0));
    out.fileCount += parsed.files.length;
    for (const file of parsed.files) {
      if (file.documents.length || file.errors.length) out.hasContent = true;
      if (listed >= REPORTED_DOCUMENT_LIMIT) {
        const before = file.documents.length;
        file.documents = file.documents.filter(noteworthy);
        out.documentsOmitted += before - file.documents.length;
      }
      listed += file.documents.length;
      out.files.push(file);
    }
  }
  forgetQueryHistory();
  return out;
}

/** Whether a document's outcome says more than "stored as written". */
const noteworthy = (d: DocumentOutcome) =>
  !(d.status === "created" || d.status === "updated" || d.status === "unchanged") ||
  d.errors.length > 0 ||
  d.message !== undefined;

function addCounts(into: IngestionCounts, more: IngestionCounts): void {
  for (const k of Object.keys(into) as Array<keyof IngestionCounts>) into[k] += more[k];
}

async function* batchesOf(
  files: ImportCatalogInput["files"],
  batchBytes: number,
): AsyncGenerator<CatalogFileInput[], void, undefined> {
  let batch: CatalogFileInput[] = [];
  let bytes = 0;
  for await (const file of files) {
    batch.push(file);
    bytes += typeof file.content === "string" ? file.content.length : file.content.byteLength;
    if (bytes >= batchBytes) {
      yield batch;
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield batch;
}
