import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { isAppError, type AppErrorCode } from "@stagedoor/core";

const TO_TRPC: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/** The one place where domain errors become tRPC errors. Anything else stays INTERNAL. */
export function toTRPCError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (!isAppError(cause)) return error;
  return new TRPCError({ code: TO_TRPC[cause.code], message: cause.message, cause });
}
