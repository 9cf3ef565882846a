import {
  AppError,
  INSIGHTS_MAX_BATCH_BYTES,
  acceptInsightsBatch,
  isAppError,
  type InsightsQueue,
} from "@stagedoor/core";
import type { Database } from "@stagedoor/db";
import type { SessionUser } from "../../context";
import { readLimitedBody } from "../../http/read-limited-body";

export type InsightsEventsDeps = {
  db: () => Database;
  sessionUser: () => Promise<SessionUser | null>;
  queue: () => InsightsQueue;
  /** The server's clock (events carry only their age); the benchmark replays days with its own. */
  now?: () => number;
};

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
};
const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });

/** The browser asked not to be tracked: Do Not Track or Global Privacy Control. */
export const optedOut = (req: Request) => req.headers.get("dnt") === "1" || req.headers.get("sec-gpc") === "1";

/**
 * POST /api/insights/events: a batch of portal usage events from the signed-in member's
 * browser (navigator.sendBeacon on page hide, or a periodic fetch). Answers 202 as soon as
 * the batch is queued (or dropped under overload); the worker writes it. The body is JSON
 * sent as text/plain (what sendBeacon can send without a preflight), so other sites are
 * kept out by the Fetch Metadata header instead: browsers mark cross-site requests, which
 * are refused, and the session cookie is SameSite=Lax, so they would carry no session anyway.
 */
export function createInsightsEventsHandler(deps: InsightsEventsDeps) {
  return async (req: Request): Promise<Response> => {
    try {
      if (optedOut(req)) return new Response(null, { status: 204 });
      const site = req.headers.get("sec-fetch-site");
      if (site && site !== "same-origin" && site !== "none") {
        throw new AppError("FORBIDDEN", "Insights events are only accepted from the portal's own pages.");
      }
      const body = await readLimitedBody(req, INSIGHTS_MAX_BATCH_BYTES);
      if (!body) {
        throw new AppError(
          "PAYLOAD_TOO_LARGE",
          `An event batch may be at most ${INSIGHTS_MAX_BATCH_BYTES / 1024} KiB: send fewer events per batch.`,
        );
      }
      const user = await deps.sessionUser();
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in first: events are recorded for signed-in members only.");
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {
        throw new AppError("BAD_REQUEST", "The body must be a JSON object: { org, events: [...] }.");
      }
      const accepted = await acceptInsightsBatch(deps.db(), deps.queue(), {
        userId: user.userId,
        email: user.email,
        session: user.session ?? null,
        body: parsed,
        receivedAt: deps.now?.() ?? Date.now(),
      });
      return json(accepted, 202);
    } catch (error) {
      if (isAppError(error)) return json({ error: error.message }, STATUS[error.code] ?? 400);
      throw error;
    }
  };
}
