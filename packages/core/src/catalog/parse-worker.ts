import { parentPort } from "node:worker_threads";
import { parseFile } from "./parse-files";
import type { CatalogFileInput } from "./ingestion-types";

// One thread of the parse pool (parse-pool.ts): files in, parsed files out, in order.
parentPort!.on("message", ({ id, files }: { id: number; files: CatalogFileInput[] }) => {
  try {
    parentPort!.postMessage({ id, parsed: files.map(parseFile) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
