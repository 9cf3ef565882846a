import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGuardedFetch, findNonPublicAddressError } from "../net/guarded-fetch";

export class CostExportError extends Error {
  override readonly name = "CostExportError";
}

/** A byte counter that fails the stream past `maxBytes` (exports are big, not unbounded). */
export function byteLimit(maxBytes: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(new CostExportError(`${what} is larger than ${maxBytes} bytes.`));
      done(null, chunk);
    },
  });
}

export type DownloadOptions = {
  allowPrivateNetworks: boolean;
  maxBytes: number;
  authorization?: string | null;
  fetch?: typeof globalThis.fetch;
};

/**
 * Streams a cost export at a customer-supplied URL to a local file through the guarded
 * fetch (every connection's address checked, redirects included), never holding it in memory.
 */
export async function downloadExport(url: string, dest: string, options: DownloadOptions): Promise<{ bytes: number }> {
  const fetch = createGuardedFetch({ allowPrivateNetworks: options.allowPrivateNetworks, fetch: options.fetch });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: options.authorization ? { authorization: options.authorization } : {},
      redirect: "follow",
    });
  } catch (error) {
    const refused = findNonPublicAddressError(error);
    throw new CostExportError(
      refused ? refused.message : `Could not reach ${new URL(url).host}: ${(error as Error).message}`,
    );
  }
  if (!response.ok || !response.body) {
    throw new CostExportError(
      `The export URL answered ${response.status}${response.status === 401 || response.status === 403 ? " (check the authorization header)" : ""}.`,
    );
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > options.maxBytes) throw new CostExportError(`The export is larger than ${options.maxBytes} bytes.`);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    byteLimit(options.maxBytes, "The export"),
    counter,
    createWriteStream(dest),
  );
  return { bytes };
}
