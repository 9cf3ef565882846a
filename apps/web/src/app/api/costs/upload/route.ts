import { createCostUploadHandler } from "@stagedoor/api/rest";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";
import { sessionUser } from "@/server/session";

export const dynamic = "force-dynamic";

// A FOCUS file uploaded in the UI; the handler (packages/api/src/rest/costs) streams it to disk.
const handler = createCostUploadHandler({ db, sessionUser, integrations: integrationDeps });

export { handler as POST };
