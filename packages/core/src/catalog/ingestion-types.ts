import type { CatalogError } from "@stagedoor/catalog";

export type CatalogSourceType = "PUSH" | "GITHUB" | "SCIM";

/**
 * Something found wrong with a file before it was parsed (a `$text` placeholder whose target
 * could not be read), at a line of the file. It becomes an error of the entity whose
 * document holds that line; the entity itself is still stored.
 */
export type FileProblem = { line: number; column: number; message: string };

/** One descriptor file of a source; `name` is its path within the source. */
export type CatalogFileInput = { name: string; content: string | Uint8Array; problems?: FileProblem[] };

/**
 * Where a source's files live, so entity pages can link to them ("View source", "Edit"):
 * a GitHub repository as owner/name, its web URL, and each file's blob URL by file name.
 */
export type SourceLocation = { repository?: string; url?: string; files?: Record<string, string> };

export type ImportCatalogInput = {
  /** Push sources are named by whoever pushes; the name is the source's stable key. */
  source: { type: CatalogSourceType; key: string; location?: SourceLocation };
  /**
   * Everything the source emits now: entities it emitted before and not now are orphaned.
   * May be a stream (an async iterable), read batch by batch, so a large source never has
   * to be in memory at once.
   */
  files: Iterable<CatalogFileInput> | AsyncIterable<CatalogFileInput>;
  /** Report what would change without writing anything. */
  dryRun?: boolean;
  /**
   * Accept an import with no documents, which orphans everything the source held. Off by
   * default so an empty push cannot wipe a source by accident; syncs that saw a source's
   * files disappear turn it on.
   */
  allowEmpty?: boolean;
};

/**
 * What happened to one document:
 * - created / updated / unchanged: the entity is stored as written (updated also covers
 *   an unchanged entity taken over from an orphan, or one whose errors cleared); `errors`
 *   then holds only the file's problems (unreadable placeholders), stored on the entity.
 * - invalid: the document has errors; the entity keeps its last good version, if any.
 * - rejected: a valid document in a file that another document made unreadable, which
 *   Backstage refuses as a whole; the entity keeps its last good version, if any.
 * - conflict: another source owns this ref; recorded on this source, nothing overwritten.
 * - duplicate: the same ref appeared earlier in this import; only the first counts.
 */
export type DocumentStatus = "created" | "updated" | "unchanged" | "invalid" | "rejected" | "conflict" | "duplicate";

export type DocumentOutcome = {
  document: number;
  line: number;
  column: number;
  ref: string | null;
  status: DocumentStatus;
  errors: CatalogError[];
  /** For invalid and rejected documents: whether a last good version is still shown. */
  keptLastGood?: boolean;
  /** Why, for conflicts and duplicates, in words. */
  message?: string;
};

export type FileOutcome = {
  file: string;
  /** Backstage would take nothing from this file; its entities keep their last good versions. */
  rejected: boolean;
  /** Problems with the file as a whole (size, encoding, document count). */
  errors: CatalogError[];
  documents: DocumentOutcome[];
};

export type IngestionCounts = {
  created: number;
  updated: number;
  unchanged: number;
  /** Entities of this source that it no longer emits, orphaned by this ingestion. */
  orphaned: number;
  /** Documents (and whole files) with errors. */
  invalid: number;
  /** Valid documents not taken because their file was rejected. */
  rejected: number;
  conflicts: number;
  duplicates: number;
};

export type IngestionReport = {
  source: { type: CatalogSourceType; key: string };
  dryRun: boolean;
  /** True when no file and no document had errors, conflicts or duplicates. */
  ok: boolean;
  counts: IngestionCounts;
  files: FileOutcome[];
  /** Refs orphaned by this ingestion (at most ORPHAN_LIST_LIMIT; `counts.orphaned` has them all). */
  orphaned: string[];
  /**
   * Documents not listed in `files` because there was nothing to say about them (created,
   * updated or unchanged without a message) after the first REPORTED_DOCUMENT_LIMIT
   * documents; `counts` includes them. Keeps the report of a huge import small.
   */
  documentsOmitted: number;
  durationMs: number;
};

export const ORPHAN_LIST_LIMIT = 1000;
export const REPORTED_DOCUMENT_LIMIT = 10_000;
