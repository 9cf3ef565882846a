import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
// The adapter's own error path, used for requests refused before tRPC sees them, so the
// client gets the same error shape (and message) as from any procedure.
import { getErrorShape, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import { TRPC_MAX_BATCH_CALLS, TRPC_MAX_BODY_BYTES } from "@stagedoor/core";
import type { Context } from "../context";
import { appRouter } from "../root";
import { readLimitedBody } from "./read-limited-body";

export const TRPC_ENDPOINT = "/api/trpc";

export type TrpcHandlerOptions = {
  createContext: () => Promise<Context>;
  onError?: (error: TRPCError, path: string | undefined) => void;
  /** Overrides for tests; production uses the constants from core. */
  maxBodyBytes?: number;
  maxBatchCalls?: number;
};

function refuse(req: Request, error: TRPCError): Response {
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: undefined });
  // A batch client applies a single (non-array) error to every call of the batch.
  const body = transformTRPCResponse(config, { error: shape });
  return Response.json(body, { status: getHTTPStatusCodeFromError(error), headers: { vary: "trpc-accept, accept" } });
}

function batchSize(url: URL): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  return url.pathname.slice(url.pathname.indexOf(TRPC_ENDPOINT) + TRPC_ENDPOINT.length + 1).split(",").length;
}

/**
 * The tRPC endpoint as a fetch handler: the batch is counted from the URL and the body is
 * read with a byte count before tRPC parses anything, so neither a 2,000-call batch nor a
 * chunked body without Content-Length gets further than this.
 */
export async function handleTrpcRequest(req: Request, options: TrpcHandlerOptions): Promise<Response> {
  const maxBody = options.maxBodyBytes ?? TRPC_MAX_BODY_BYTES;
  const maxCalls = options.maxBatchCalls ?? TRPC_MAX_BATCH_CALLS;
  const url = new URL(req.url);
  const calls = batchSize(url);
  if (calls > maxCalls) {
    return refuse(
      req,
      new TRPCError({
        code: "BAD_REQUEST",
        message: `A batch may hold at most ${maxCalls} calls; this one has ${calls}. Send them in smaller batches.`,
      }),
    );
  }
  let forwarded = req;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = await readLimitedBody(req, maxBody);
    if (!body) {
      return refuse(
        req,
        new TRPCError({
          code: "PAYLOAD_TOO_LARGE",
          message: `The request body is larger than ${maxBody / (1024 * 1024)} MiB.`,
        }),
      );
    }
    const headers = new Headers(req.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    // Buffer.concat gives an ArrayBuffer-backed array; the DOM typings want that spelled out.
    const bytes = body as Uint8Array<ArrayBuffer>;
    forwarded = new Request(req.url, { method: req.method, headers, body: bytes, signal: req.signal });
  }
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: forwarded,
    router: appRouter,
    // Backstop: tRPC's own check, should the count above ever disagree with its parser.
    maxBatchSize: maxCalls,
    createContext: options.createContext,
    onError: options.onError ? ({ error, path }) => options.onError!(error, path) : undefined,
  });
}
