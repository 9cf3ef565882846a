import { createScimRestHandler } from "@stagedoor/api/rest";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";

export const dynamic = "force-dynamic";

// SCIM 2.0 provisioning (RFC 7643/7644) lives in packages/api/src/rest/scim; this only
// mounts it. Auth: `Authorization: Bearer <the org's SCIM token>` (Settings → SCIM).
const handler = createScimRestHandler({ db, queue: () => integrationDeps().queue }, "/api/scim/v2");

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
