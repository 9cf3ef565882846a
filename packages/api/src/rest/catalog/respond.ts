import { isAppError, type AppErrorCode } from "@stagedoor/core";

/** Backstage's error names (@backstage/errors), by the status they answer with. */
const STATUS: Record<AppErrorCode, [number, string]> = {
  BAD_REQUEST: [400, "InputError"],
  UNAUTHORIZED: [401, "AuthenticationError"],
  FORBIDDEN: [403, "NotAllowedError"],
  NOT_FOUND: [404, "NotFoundError"],
  CONFLICT: [409, "ConflictError"],
  PRECONDITION_FAILED: [412, "PreconditionFailedError"],
  PAYLOAD_TOO_LARGE: [413, "PayloadTooLargeError"],
  TOO_MANY_REQUESTS: [429, "TooManyRequestsError"],
};

const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

function requestInfo(req: Request) {
  const url = new URL(req.url);
  return { method: req.method, url: url.pathname + url.search };
}

/**
 * Backstage's error body: `{error: {name, message}, request: {method, url}, response:
 * {statusCode}}`, so its clients show our messages as they show their own. `extra` adds
 * fields beside them (the import report).
 */
export function errorResponse(
  req: Request,
  code: AppErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  const [status, name] = STATUS[code];
  const headers: Record<string, string> =
    code === "UNAUTHORIZED" ? { "www-authenticate": 'Bearer realm="stagedoor"' } : {};
  return json(
    { error: { name, message }, request: requestInfo(req), response: { statusCode: status }, ...extra },
    status,
    headers,
  );
}

/** The one place REST maps failures: domain errors by code, anything else is a 500 that says nothing. */
export function failure(req: Request, error: unknown): Response {
  if (isAppError(error)) return errorResponse(req, error.code, error.message);
  console.error(`catalog REST ${req.method} ${new URL(req.url).pathname} failed:`, error);
  const body = {
    error: { name: "Error", message: "Internal error." },
    request: requestInfo(req),
    response: { statusCode: 500 },
  };
  return json(body, 500);
}
