/** What the placeholder step and the OpenAPI bundler read through; kept apart so neither imports the other. */
export type ReadResult = { ok: true; text: string } | { ok: false; message: string };
/** Reads absolute URLs, in one batch where it can; results keep the order of `urls`. */
export type PlaceholderReader = (urls: readonly string[]) => Promise<ReadResult[]>;
