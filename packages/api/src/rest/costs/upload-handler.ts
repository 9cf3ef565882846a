import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { AppError, isAppError, resolveOrgAccess, uploadCostExport, type IntegrationDeps } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import { ORG_SLUG_HEADER, type SessionUser } from "../../context";

export type CostUploadDeps = {
  db: () => Database;
  sessionUser: () => Promise<SessionUser | null>;
  integrations: () => IntegrationDeps;
};

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });

/**
 * POST /api/costs/upload?integration=<id>&name=<file name>: a FOCUS file as the raw body,
 * streamed to disk (never buffered) and imported. Session plus the org header, as for the
 * catalog REST API (a cross-site form cannot set the header); core authorizes the user.
 */
export function createCostUploadHandler(deps: CostUploadDeps) {
  return async (req: Request): Promise<Response> => {
    try {
      const user = await deps.sessionUser();
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in to upload a cost export.");
      const slug = req.headers.get(ORG_SLUG_HEADER);
      if (!slug) throw new AppError("BAD_REQUEST", `Name the organization with the ${ORG_SLUG_HEADER} header.`);
      const url = new URL(req.url);
      const integrationId = url.searchParams.get("integration");
      if (!integrationId || !req.body)
        throw new AppError("BAD_REQUEST", "Send the file as the body, naming the integration.");
      const db = deps.db();
      const access = await resolveOrgAccess(db, slug, user.userId);
      const summary = await uploadCostExport(
        db.forOrg(access.org.id),
        { type: "user", userId: user.userId, email: user.email, role: access.role },
        deps.integrations(),
        {
          integrationId,
          fileName: url.searchParams.get("name") ?? "export.csv",
          body: Readable.fromWeb(req.body as NodeReadableStream),
        },
      );
      return json(summary);
    } catch (error) {
      if (isAppError(error)) return json({ error: error.message }, STATUS[error.code] ?? 400);
      throw error;
    }
  };
}
