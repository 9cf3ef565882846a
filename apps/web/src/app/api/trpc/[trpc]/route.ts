import { handleTrpcRequest, ORG_SLUG_HEADER } from "@stagedoor/api";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";
import { billingDeps } from "@/server/billing";
import { sessionUser } from "@/server/session";

// Body and batch limits are enforced inside handleTrpcRequest (constants in core).
function handler(req: Request) {
  return handleTrpcRequest(req, {
    createContext: async () => ({
      admin: db(),
      user: await sessionUser(),
      orgSlug: req.headers.get(ORG_SLUG_HEADER),
      integrations: integrationDeps(),
      billing: billingDeps(),
    }),
    onError(error, path) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
