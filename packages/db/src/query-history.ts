import { clearLogs } from "@prisma/debug";
import { Debug } from "@prisma/client/runtime/client";

/**
 * Prisma passes every statement, parameters included, to its debug logger, which keeps the
 * last 100 calls in memory whether logging is on or not (for error reports): the client
 * logs each query plan, the PostgreSQL adapter each query. For bulk writes whose
 * parameters are megabytes (a batch of catalog entities) that history alone holds 100+ MB.
 * Code that sends such statements calls this after each batch; what it forgets is only a
 * debugging aid. The adapter's logger (@prisma/debug) can be cleared; the client bundles
 * its own copy without a way to clear it, so 100 one-character entries push the queries out.
 */
const filler = Debug("stagedoor:forget-query-history");
const HISTORY_LENGTH = 100;

export function forgetQueryHistory(): void {
  clearLogs();
  for (let i = 0; i < HISTORY_LENGTH; i++) filler(".");
}
