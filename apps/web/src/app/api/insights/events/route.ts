import { createInsightsEventsHandler } from "@stagedoor/api/rest";
import { db } from "@/server/db";
import { insightsQueue } from "@/server/insights";
import { sessionUser } from "@/server/session";

export const dynamic = "force-dynamic";

// Portal usage events from the browser (packages/api/src/rest/insights): validated, queued, 202.
const handler = createInsightsEventsHandler({ db, sessionUser, queue: insightsQueue });

export { handler as POST };
