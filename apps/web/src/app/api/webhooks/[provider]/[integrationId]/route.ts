import { handleProviderWebhook } from "@stagedoor/api/webhooks";
import { db } from "@/server/db";
import { integrationDeps } from "@/server/integrations";

export const dynamic = "force-dynamic";

// Webhook deliveries for one integration of any provider (/api/webhooks/github/<id> for
// GitHub). Everything (raw-body size limit, signature, idempotency, enqueueing) happens in
// packages/api/src/webhooks and the provider's receiver; this only mounts it.
export async function POST(
  request: Request,
  { params }: { params: Promise<{ provider: string; integrationId: string }> },
) {
  const { provider, integrationId } = await params;
  return handleProviderWebhook(request, provider, integrationId, { db: db(), integrations: integrationDeps() });
}
