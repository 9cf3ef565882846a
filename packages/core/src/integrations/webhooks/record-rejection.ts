import type { TenantDb } from "@stagedoor/db";
import type { WebhookResult } from "../provider";
import { processRejectionLimiter, type RejectionLimiter } from "./rejection-limiter";

/**
 * A refused delivery, for any provider: counted on the integration (total, when, why)
 * rather than stored as a row, and once the integration's refusals exceed the rate limit,
 * answered 429 without touching the database at all.
 */
export async function recordRejection(
  db: TenantDb,
  integrationId: string,
  refusal: { status: number; reason: string; message: string },
  limiter: RejectionLimiter = processRejectionLimiter,
): Promise<WebhookResult> {
  if (!limiter.allow(integrationId)) {
    return { status: 429, outcome: "rate-limited", message: "Too many refused deliveries; slow down." };
  }
  await db.integration.updateMany({
    where: { id: integrationId },
    data: {
      webhookRejections: { increment: 1 },
      webhookLastRejectedAt: new Date(),
      webhookLastRejection: refusal.reason.slice(0, 500),
    },
  });
  return { status: refusal.status, outcome: "rejected", message: refusal.message };
}
