import { createCatalogRestHandler } from "@stagedoor/api/rest";
import { db } from "@/server/db";
import { sessionUser } from "@/server/session";
import { insightsQueue } from "@/server/insights";

export const dynamic = "force-dynamic";

// The Backstage-compatible catalog API lives in packages/api/src/rest; this only mounts it.
// Auth: `Authorization: Bearer <org API token>`, or the session cookie plus the
// x-stagedoor-org header naming the org's slug (see packages/api/src/rest/catalog/auth.ts).
// Token use (API and CLI) is recorded for Insights.
const handler = createCatalogRestHandler({ db, sessionUser, insights: insightsQueue }, "/api/catalog");

export { handler as GET, handler as POST };
