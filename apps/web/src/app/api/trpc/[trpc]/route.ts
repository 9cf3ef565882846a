import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, ORG_SLUG_HEADER } from "@stagedoor/api";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";
import { sessionUser } from "@/server/session";

const MAX_BODY_BYTES = 1024 * 1024;

function handler(req: Request) {
  // Refuse oversize bodies before parsing them; no procedure takes more than this.
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: { message: "Request body is larger than 1 MiB." } }, { status: 413 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => ({
      admin: db(),
      user: await sessionUser(),
      orgSlug: req.headers.get(ORG_SLUG_HEADER),
      integrations: integrationDeps(),
    }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
