import { availableParallelism } from "node:os";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { CatalogFileInput } from "./ingestion-types";
import { parseFile, type ParsedFile } from "./parse-files";

/**
 * Parsing and validating YAML is most of an ingestion's CPU; this pool spreads it over the
 * machine's cores while the calling thread plans and writes. Files go to the threads in
 * slices and come back in input order. Small inputs are parsed on the calling thread: a
 * round trip to a thread costs more than a few files. Where threads cannot start (a
 * bundle without the worker's source), everything is parsed on the calling thread.
 */
export type ParsePool = {
  /** Worker threads parsing; 0 when files are parsed on the calling thread. */
  threads: number;
  parse(files: CatalogFileInput[]): Promise<ParsedFile[]>;
};

// Below this much YAML in one call, the calling thread parses it itself.
const POOL_MIN_BYTES = 64 * 1024;

const byteLength = (f: CatalogFileInput) => (typeof f.content === "string" ? f.content.length : f.content.byteLength);

/**
 * Parsing on the calling thread, yielding after every file so that statements the caller
 * already issued (the previous batch's writes) go out meanwhile.
 */
export const inThreadParsing: ParsePool = {
  threads: 0,
  async parse(files) {
    const out: ParsedFile[] = [];
    for (const file of files) {
      out.push(parseFile(file));
      await yieldToEventLoop();
    }
    return out;
  },
};

/** The process's pool for large inputs (started on first need), this thread for small ones. */
export const defaultParsePool: ParsePool = {
  threads: 0,
  async parse(files) {
    const bytes = files.reduce((n, f) => n + byteLength(f), 0);
    if (bytes < POOL_MIN_BYTES || files.length < 2) return inThreadParsing.parse(files);
    return (await parsePool()).parse(files);
  },
};

type Pending = { resolve(parsed: ParsedFile[]): void; reject(error: Error): void };

class ThreadPool implements ParsePool {
  private next = 0;
  private turn = 0;
  private readonly pending = new Map<number, Pending>();
  private broken: Error | null = null;
  readonly threads: number;

  constructor(private readonly workers: Worker[]) {
    this.threads = workers.length;
    for (const worker of workers) {
      worker.unref();
      worker.on("message", (m: { id: number; parsed?: ParsedFile[]; error?: string }) => {
        const waiting = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.parsed) waiting?.resolve(m.parsed);
        else waiting?.reject(new Error(`Parsing failed on a worker thread: ${m.error}`));
      });
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => this.fail(new Error(`A parse thread exited (code ${code}).`)));
    }
  }

  async parse(files: CatalogFileInput[]): Promise<ParsedFile[]> {
    if (this.broken || files.length === 0) return inThreadParsing.parse(files);
    const bytes = files.reduce((n, f) => n + byteLength(f), 0);
    // One slice per thread, of about equal bytes, so they finish together.
    const slices: CatalogFileInput[][] = [];
    let slice: CatalogFileInput[] = [];
    let sliceBytes = 0;
    for (const file of files) {
      slice.push(file);
      sliceBytes += byteLength(file);
      if (sliceBytes >= bytes / this.workers.length) {
        slices.push(slice);
        slice = [];
        sliceBytes = 0;
      }
    }
    if (slice.length) slices.push(slice);
    const parts = await Promise.all(slices.map((s) => this.send(s)));
    return parts.flat();
  }

  private send(files: CatalogFileInput[]): Promise<ParsedFile[]> {
    const id = this.next++;
    const worker = this.workers[this.turn++ % this.workers.length]!;
    worker.ref();
    return new Promise<ParsedFile[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, files });
    }).finally(() => {
      if (this.pending.size === 0) for (const w of this.workers) w.unref();
    });
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

// The worker's entry is TypeScript: loaded as is where the runtime strips types, else
// through tsx (which runs this project's processes); a failure leaves the pool unused.
const BOOT = (entry: string) => `
  const entry = ${JSON.stringify(entry)};
  try { await import(entry); }
  catch { const { register } = await import("tsx/esm/api"); register(); await import(entry); }
  (await import("node:worker_threads")).parentPort.postMessage({ ready: true });
`;

// A thread holds one slice of a batch at a time (well under 10 MB of YAML); a small heap
// makes V8 collect often instead of growing the process by hundreds of MB of garbage.
const THREAD_HEAP = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

const WORKER_FILE = "./parse-worker.ts";

let shared: Promise<ParsePool> | null = null;

/**
 * The process's pool, started on first use: a thread per core but one, at most 4. The
 * calling thread plans and writes, and PostgreSQL's backend (often on the same machine)
 * applies the writes one statement after another: a thread per core left that backend
 * waiting for a core, and on 2 cores one parse thread imports 50,000 entities faster than
 * two (11.1 s vs 12.6 s, with 10% less CPU and 40 MB less memory).
 */
export function parsePool(): Promise<ParsePool> {
  shared ??= startPool(Math.min(4, availableParallelism() - 1));
  return shared;
}

async function startPool(size: number): Promise<ParsePool> {
  if (size < 1 || !import.meta.url.startsWith("file:")) return inThreadParsing;
  // Not a literal in `new URL(…)`: bundlers would take that for an asset to emit. In a
  // bundle (the web app) the file is not there and parsing stays on the calling thread.
  const entry = new URL(WORKER_FILE, import.meta.url).href;
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < size; i++) workers.push(new Worker(BOOT(entry), { eval: true, resourceLimits: THREAD_HEAP }));
    await Promise.all(workers.map(ready));
    return new ThreadPool(workers);
  } catch {
    for (const w of workers) void w.terminate();
    return inThreadParsing;
  }
}

/** Resolves on the thread's first message (its module loaded), rejects if it fails first. */
function ready(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // Only these listeners are removed: Worker keeps its own on itself.
    const done = (error?: Error) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = () => done();
    const onError = (error: Error) => done(error);
    const onExit = () => done(new Error("A parse thread exited while starting."));
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}
