// Limits of the tRPC endpoint, shared by the route (which enforces them), the procedures'
// input schemas (which must fit inside them) and the browser client (which batches within
// them). No imports: the client bundle reads this file.

/**
 * Largest tRPC request body, in bytes, counted while reading (a missing or lying
 * Content-Length is no way around it). The largest input any procedure takes is the
 * Register page's import (`catalog.importYaml`): at most IMPORT_YAML_MAX_CHARS characters
 * of YAML. JSON-encoded, a character of YAML text takes at most 3 bytes (non-ASCII) and
 * usually 1 (newlines and quotes 2), so 4× leaves room for the worst case and the
 * envelope. Bigger imports go through the REST API or the CLI, which take 16 MiB.
 */
export const TRPC_MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Total characters of YAML one `catalog.importYaml` call takes, all files together: 1 MiB,
 * one catalog file at its largest (the parser's per-file limit), which is what the page
 * uploads. Tied to TRPC_MAX_BODY_BYTES so that every input the schema accepts also passes
 * the body limit.
 */
export const IMPORT_YAML_MAX_CHARS = TRPC_MAX_BODY_BYTES / 4;

/**
 * Most calls in one batched tRPC request. The busiest page issues about a dozen queries at
 * once; the browser client splits larger batches at this size, so only a hand-made
 * request can exceed it.
 */
export const TRPC_MAX_BATCH_CALLS = 50;
