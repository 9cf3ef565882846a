// Bounds on hostile input. Backstage itself has none of these except the alias count;
// each value is far above what a hand-written or generated catalog file needs.

/** Largest descriptor file accepted, in bytes (1 MiB). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Most YAML documents in one file, empty ones included. */
export const MAX_DOCUMENTS_PER_FILE = 5000;

/**
 * Most alias expansions per document, passed to yaml's `maxAliasCount`. 100 is yaml's
 * default and therefore what Backstage applies, so alias verdicts agree with it.
 */
export const MAX_ALIAS_COUNT = 100;

/** Deepest nesting of mappings and sequences; the root mapping is level 1. */
export const MAX_DEPTH = 64;

/** Most errors reported for one document; the rest are summarised in one last error. */
export const MAX_ERRORS_PER_DOCUMENT = 100;
