import { isAppError, SCIM_SCHEMA, type AppErrorCode } from "@stagedoor/core";

export const SCIM_CONTENT_TYPE = "application/scim+json";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": `${SCIM_CONTENT_TYPE}; charset=utf-8`, "cache-control": "no-store", ...headers },
  });
}

/** RFC 7644 §3.12's error body: the status is a string there, and scimType says which rule. */
export function scimErrorResponse(status: number, detail: string, scimType?: string): Response {
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Bearer realm="stagedoor-scim"' } : {};
  return scimJson(
    { schemas: [SCIM_SCHEMA.error], status: String(status), ...(scimType ? { scimType } : {}), detail },
    status,
    headers,
  );
}

/** The one place SCIM maps failures: domain errors by code, anything else a 500 that says nothing. */
export function scimFailure(req: Request, error: unknown): Response {
  if (isAppError(error)) return scimErrorResponse(STATUS[error.code], error.message, error.details?.scimType);
  console.error(`SCIM ${req.method} ${new URL(req.url).pathname} failed:`, error);
  return scimErrorResponse(500, "Internal error.");
}
