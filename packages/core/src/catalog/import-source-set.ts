import type { TenantDb } from "@stagedoor/db";
import { recordAudits, type recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import { applyFacetDelta, FacetDelta } from "./facet-summary";
import type { CatalogFileInput, ImportCatalogInput, IngestionReport } from "./ingestion-types";
import { assertNotEmpty, checkFileNames, collectParsedFile, emptyParsed, type ParsedSource } from "./parse-files";
import { defaultParsePool, type ParsePool } from "./parse-pool";
import { countOutcomes, planBatch, type BatchPlan, type ExistingEntity } from "./plan-ingestion";
import { assertValidSourceKey } from "./sources";
import { loadEntitiesByRef, lockOrgCatalog } from "./ingestion-state";
import {
  ensureSources,
  markSourcesIngested,
  orphanUnemitted,
  replaceSourceRecords,
  storedFacets,
  writeSourceSet,
  type SourceEnd,
} from "./write-source-set";

/** A source of a set: its files are all in memory (a repository's catalog files). */
export type SourceSetInput = {
  source: ImportCatalogInput["source"];
  files: CatalogFileInput[];
  /** As in ImportCatalogInput: an empty source orphans everything it held only when allowed. */
  allowEmpty?: boolean;
};

/**
 * Many small sources (a page of GitHub repositories, each its own source) in one tenant
 * transaction with a fixed number of set-based statements for all of them, instead of a
 * few per source as importCatalogSources does. Same rules and reports as importing them one
 * after another in the given order:
 * - a ref two sources of the set emit goes to the first, the later one records a conflict;
 * - an entity a source stops emitting is orphaned, and a later source of the set may take
 *   it over (an earlier one sees it as still owned: a conflict, as it would one by one);
 * - entities of a refused file are not orphaned and show why.
 * For inputs held in memory only (no streams, no dry runs): a large source goes through
 * importCatalogSources, which batches one source's files.
 */
export async function importSourceSet(
  db: TenantDb,
  by: Principal | null,
  inputs: SourceSetInput[],
  pool: ParsePool = defaultParsePool,
): Promise<IngestionReport[]> {
  const keys = new Set<string>();
  for (const input of inputs) {
    assertValidSourceKey(input.source.key);
    if (by) authorize(by, "catalog.import");
    checkFileNames(input.files);
    const id = `${input.source.type}:${input.source.key}`;
    if (keys.has(id)) throw new Error(`Source ${id} is given twice in one set.`);
    keys.add(id);
  }
  if (inputs.length === 0) return [];
  const started = performance.now();
  // Parsing needs no database: all files of all sources in one call, before the transaction.
  const parsedFiles = await pool.parse(inputs.flatMap((input) => input.files));
  const parsed: ParsedSource[] = [];
  let next = 0;
  for (const input of inputs) {
    const source = emptyParsed();
    const seen = new Map<string, string>();
    for (const _ of input.files) collectParsedFile(parsedFiles[next++]!, seen, source);
    parsed.push(source);
  }

  return db.transaction(
    async (tx) => {
      await lockOrgCatalog(tx, db.orgId);
      const sourceIds = await ensureSources(
        tx,
        db.orgId,
        inputs.map((i) => i.source),
      );
      const emitted = parsed.map((p) => new Set(p.valid.map((d) => d.entity.ref)));
      const refs = new Set(parsed.flatMap((p) => [...p.valid.map((d) => d.entity.ref), ...refsOfFailed(p)]));
      const stored = new Map((await loadEntitiesByRef(tx, db.orgId, [...refs])).map((row) => [row.ref, row]));
      const plans = planInOrder(parsed, sourceIds, inputs, emitted, stored);

      const ends: SourceEnd[] = inputs.map((_, i) => ({
        sourceId: sourceIds[i]!,
        emitted: [...emitted[i]!],
        rejectedFiles: parsed[i]!.rejectedFiles,
        conflicts: plans[i]!.conflicts,
        sourceErrors: plans[i]!.sourceErrors,
      }));
      // Orphans first: an entity one source released may be taken over by a later one (planned above).
      const orphaned = await orphanUnemitted(tx, db.orgId, ends);
      const facets = new FacetDelta();
      await writeSourceSet(
        tx,
        db.orgId,
        plans.map((plan, i) => ({ sourceId: sourceIds[i]!, plan })),
        facets,
      );
      await replaceSourceRecords(tx, db.orgId, ends);
      await applyFacetDelta(tx, db.orgId, facets);

      const who = auditIdentity(by);
      const reports: IngestionReport[] = [];
      const done: Array<{ sourceId: string; counts: IngestionReport["counts"] }> = [];
      const audits: Array<Parameters<typeof recordAudit>[1]> = [];
      inputs.forEach((input, i) => {
        const source = parsed[i]!;
        const gone = orphaned.get(sourceIds[i]!) ?? { count: 0, refs: [] };
        const counts = countOutcomes(source.files, gone.count);
        const hasContent = source.files.some((f) => f.documents.length > 0 || f.errors.length > 0);
        assertNotEmpty(hasContent, input.allowEmpty ?? false);
        done.push({ sourceId: sourceIds[i]!, counts });
        const { type, key } = input.source;
        audits.push({
          orgId: db.orgId,
          actor: who.actor,
          action: "catalog.imported",
          target: `${type.toLowerCase()}:${key}`,
          data: { ...who.data, ...counts, files: source.files.length },
        });
        reports.push({
          source: { type, key },
          dryRun: false,
          ok: counts.invalid + counts.rejected + counts.conflicts + counts.duplicates === 0,
          counts,
          files: source.files,
          orphaned: gone.refs,
          documentsOmitted: 0,
          durationMs: Math.round(performance.now() - started),
        });
      });
      await markSourcesIngested(tx, done);
      await recordAudits(tx, audits);
      return reports;
    },
    // A page of repositories is seconds at most; the default 5 s is too tight on a busy machine.
    { timeout: 5 * 60_000 },
  );
}

const refsOfFailed = (p: ParsedSource) => p.failed.flatMap((d) => (d.ref ? [d.ref] : []));

/**
 * Plans every source against the stored rows as the sources before it in the set left them:
 * refs they wrote are theirs, entities they stopped emitting are orphans.
 */
function planInOrder(
  parsed: ParsedSource[],
  sourceIds: string[],
  inputs: Array<{ source: { key: string } }>,
  emitted: Array<Set<string>>,
  stored: Map<string, ExistingEntity>,
): BatchPlan[] {
  const index = new Map(sourceIds.map((id, i) => [id, i]));
  const view = new Map(stored);
  return parsed.map((source, i) => {
    // What the database holds when this source's turn comes: orphans of earlier sources are orphans.
    for (const [ref, row] of view) {
      const owner = index.get(row.sourceId);
      if (owner === undefined || owner >= i || row.orphaned) continue;
      if (emitted[owner]!.has(ref) || parsed[owner]!.rejectedFiles.has(row.file)) continue;
      view.set(ref, { ...row, orphaned: true });
    }
    const plan = planBatch(source, { sourceId: sourceIds[i]!, existing: view });
    for (const write of plan.writes) {
      const ref = write.doc.entity.ref;
      const before = view.get(ref);
      view.set(ref, {
        id: before?.id ?? "",
        ref,
        sourceId: sourceIds[i]!,
        sourceKey: inputs[i]!.source.key,
        hash: write.doc.entity.hash,
        file: write.doc.file,
        document: write.doc.document,
        orphaned: false,
        hasErrors: write.doc.errors.length > 0,
        facets: storedFacets(write.doc),
      });
    }
    return plan;
  });
}
