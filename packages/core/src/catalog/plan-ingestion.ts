import type { CatalogError, Entity } from "@stagedoor/catalog";
import type { FacetColumns } from "./facet-summary";
import type { FileOutcome, IngestionCounts } from "./ingestion-types";
import type { FailedDocument, ParsedSource, ValidDocument } from "./parse-files";

/** What the database holds for a ref the ingestion touches (see write-ingestion's loaders). */
export type ExistingEntity = {
  id: string;
  ref: string;
  sourceId: string;
  sourceKey: string;
  hash: string;
  file: string;
  document: number;
  orphaned: boolean;
  hasErrors: boolean;
  /** Its facet columns as stored: what writing over it takes out of the facet counts. */
  facets: FacetColumns;
};

export type EntityWrite = {
  doc: ValidDocument;
  /** False when only bookkeeping changes (errors cleared, orphan restored, moved file). */
  contentChanged: boolean;
  /** The stored version's facet columns; null when the entity is new. */
  before: FacetColumns | null;
};

export type ErrorUpdate = { id: string; errors: CatalogError[] };
export type ConflictRecord = {
  ref: string;
  existingSourceId: string;
  file: string;
  document: number;
  entity: Entity | null;
};
export type SourceErrorRecord = { file: string; document: number; ref: string | null; errors: CatalogError[] };

/** What to write for one batch of parsed files. */
export type BatchPlan = {
  writes: EntityWrite[];
  /** Entities of this source that keep their last good version and show these errors. */
  errorUpdates: ErrorUpdate[];
  conflicts: ConflictRecord[];
  sourceErrors: SourceErrorRecord[];
};

/** What planning a batch needs to know. */
export type PlanContext = {
  sourceId: string | null;
  /** The stored rows (of any source) with the batch's refs. */
  existing: Map<string, ExistingEntity>;
};

const isOwn = (ctx: PlanContext, e: ExistingEntity | undefined) => e !== undefined && e.sourceId === ctx.sourceId;

/**
 * Compares a batch of what the source emits with what the database holds, with Backstage's
 * rules: unchanged entities are skipped by hash, an invalid entity keeps its last good
 * version, a ref owned by another live source is a conflict recorded on this one, and an
 * orphan may be taken over. Pure; `ctx.existing` must already hold the batch's refs.
 */
export function planBatch(parsed: ParsedSource, ctx: PlanContext): BatchPlan {
  const plan: BatchPlan = { writes: [], errorUpdates: [], conflicts: [], sourceErrors: [] };
  for (const doc of parsed.valid) {
    const { ref, hash, entity } = doc.entity;
    const found = ctx.existing.get(ref);
    if (!found) {
      plan.writes.push({ doc, contentChanged: true, before: null });
      doc.outcome.status = "created";
    } else if (isOwn(ctx, found) || found.orphaned) {
      const contentChanged = found.hash !== hash;
      const hasErrors = doc.errors.length > 0;
      const restored = found.orphaned || (found.hasErrors && !hasErrors) || !isOwn(ctx, found);
      const moved = found.file !== doc.file || found.document !== doc.document;
      // An entity with errors is rewritten every time so its errors are the current ones.
      if (contentChanged || restored || moved || hasErrors)
        plan.writes.push({ doc, contentChanged, before: found.facets });
      doc.outcome.status = contentChanged || restored ? "updated" : "unchanged";
      if (!isOwn(ctx, found)) doc.outcome.message = `Taken over from the orphaned entity of source ${found.sourceKey}.`;
    } else {
      conflict(plan, doc, found, entity);
    }
  }
  for (const doc of parsed.failed) {
    const found = doc.ref ? ctx.existing.get(doc.ref) : undefined;
    if (found && isOwn(ctx, found)) {
      plan.errorUpdates.push({ id: found.id, errors: doc.errors });
      doc.outcome.keptLastGood = true;
    } else if (found && !found.orphaned) {
      conflict(plan, doc, found, null);
    } else {
      plan.sourceErrors.push({ file: doc.file, document: doc.document, ref: doc.ref, errors: doc.errors });
      doc.outcome.keptLastGood = false;
    }
  }
  for (const file of parsed.files) {
    if (file.errors.length) plan.sourceErrors.push({ file: file.file, document: 0, ref: null, errors: file.errors });
  }
  return plan;
}

function conflict(plan: BatchPlan, doc: ValidDocument | FailedDocument, found: ExistingEntity, entity: Entity | null) {
  const ref = found.ref;
  plan.conflicts.push({ ref, existingSourceId: found.sourceId, file: doc.file, document: doc.document, entity });
  doc.outcome.status = "conflict";
  doc.outcome.message = `${ref} is already provided by source ${found.sourceKey}; this definition is recorded as a conflict and not applied.`;
}

export function countOutcomes(files: FileOutcome[], orphaned: number): IngestionCounts {
  const c: IngestionCounts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    orphaned,
    invalid: 0,
    rejected: 0,
    conflicts: 0,
    duplicates: 0,
  };
  for (const file of files) {
    if (file.errors.length) c.invalid++;
    for (const d of file.documents) {
      if (d.status === "created") c.created++;
      else if (d.status === "updated") c.updated++;
      else if (d.status === "unchanged") c.unchanged++;
      else if (d.status === "invalid") c.invalid++;
      else if (d.status === "rejected") c.rejected++;
      else if (d.status === "conflict") c.conflicts++;
      else c.duplicates++;
    }
  }
  return c;
}
