import { handleGitHubWebhook } from "@stagedoor/api/webhooks";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";

export const dynamic = "force-dynamic";

// GitHub webhook deliveries for one integration. Everything (raw-body size limit,
// signature, idempotency, enqueueing) happens in packages/api/src/webhooks; this only mounts it.
export async function POST(request: Request, { params }: { params: Promise<{ integrationId: string }> }) {
  const { integrationId } = await params;
  return handleGitHubWebhook(request, integrationId, { db: db(), integrations: integrationDeps() });
}
