import { receiveWebhook, type HeaderSource, type ReceivedDelivery } from "@stagedoor/connectors";
import { Prisma, type Database } from "@stagedoor/db";
import { openWebhookSecret } from "../../../credentials";
import type { IntegrationDeps } from "../../../deps";
import type { WebhookOutcome, WebhookResult } from "../../../provider";
import { recordRejection } from "../../../webhooks/record-rejection";
import { GITHUB_PROVIDER } from "../open-client";
import { readGitHubConfig } from "../settings";
import { dispatchWebhookEvent } from "./dispatch-event";
import { withLocationTargets } from "./watched-paths";

export type { WebhookOutcome, WebhookResult };

// Integration ids are cuids; anything else cannot name one and is not looked up.
const INTEGRATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A GitHub delivery to /api/webhooks/github/<integrationId>, after the route has read the
 * raw body (size-limited). The URL names the integration but not its org, so the lookup by
 * id is the one cross-org read here, on the explicit admin client; everything after runs
 * on the org's own client. Deliveries are idempotent by X-GitHub-Delivery: the delivery row
 * is inserted in the same transaction that enqueues its work, so a redelivery hits the
 * unique key and changes nothing.
 */
export async function receiveGitHubWebhook(
  db: Database,
  deps: IntegrationDeps,
  input: { integrationId: string; headers: HeaderSource; rawBody: Uint8Array },
): Promise<WebhookResult> {
  const unknown = (): WebhookResult => {
    console.warn(`[webhooks] delivery for unknown integration ${input.integrationId.slice(0, 64)} refused`);
    return { status: 404, outcome: "unknown-integration", message: "No such integration." };
  };
  if (!INTEGRATION_ID.test(input.integrationId)) return unknown();
  const integration = await db.admin.integration.findUnique({
    where: { id: input.integrationId },
    select: { id: true, orgId: true, provider: true, config: true, webhookSecretCiphertext: true },
  });
  if (!integration || integration.provider !== GITHUB_PROVIDER) return unknown();

  let secret: string | null;
  try {
    secret = openWebhookSecret(deps.secrets, integration);
  } catch {
    // Refused like a bad signature: without the secret nothing can be trusted.
    secret = null;
  }
  const config = readGitHubConfig(integration.config);
  const received = receiveWebhook({
    headers: input.headers,
    rawBody: input.rawBody,
    secrets: secret ? [secret] : [],
    catalogPaths: config.catalogPaths,
  });
  const tdb = db.forOrg(integration.orgId);

  if (!received.ok) {
    console.warn(`[webhooks] delivery for integration ${integration.id} rejected: ${received.code}`);
    // Counted, not stored: a forged delivery must not be able to add rows (or mark a
    // genuine delivery with the same id as processed).
    const claimed = headerValue(input.headers, "x-github-delivery");
    return recordRejection(
      tdb,
      integration.id,
      {
        status: received.status,
        reason: `${received.code}: ${received.message}${claimed ? ` (claimed delivery ${claimed.slice(0, 100)})` : ""}`,
        message: received.message,
      },
      deps.webhookRejections,
    );
  }

  const delivery = {
    ...received.delivery,
    classification: await withLocationTargets(
      tdb,
      integration.id,
      received.delivery,
      input.rawBody,
      config.catalogPaths,
    ),
  };
  const handled = delivery.classification.handled;
  try {
    await tdb.transaction(async (tx) => {
      await tx.webhookDelivery.create({
        data: {
          orgId: integration.orgId,
          integrationId: integration.id,
          deliveryId: delivery.deliveryId,
          event: delivery.eventName,
          action: delivery.action,
          outcome: handled ? "accepted" : "ignored",
          reason: delivery.classification.handled ? null : delivery.classification.reason,
        },
      });
      if (delivery.classification.handled) {
        await dispatchWebhookEvent(
          tx,
          deps,
          { orgId: integration.orgId, integrationId: integration.id },
          delivery,
          delivery.classification.event,
        );
      }
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: 200, outcome: "duplicate", message: `Delivery ${delivery.deliveryId} was already processed.` };
    }
    throw error;
  }
  return handled
    ? { status: 202, outcome: "accepted", message: describe(delivery) }
    : {
        status: 200,
        outcome: "ignored",
        message: delivery.classification.handled ? "" : delivery.classification.reason,
      };
}

function describe(delivery: ReceivedDelivery): string {
  return `${delivery.eventName}${delivery.action ? `.${delivery.action}` : ""} accepted.`;
}

function headerValue(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
}
