import { providerFor, type IntegrationDeps } from "@stagedoor/core";
import { readLimitedBody } from "../http/read-limited-body";
import type { Database } from "@stagedoor/db";

/** GitHub caps payloads at 25 MB; the events used here are far smaller, so 5 MiB is plenty. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export type WebhookHandlerDeps = { db: Database; integrations: IntegrationDeps };

/**
 * POST /api/webhooks/<kind>/<integrationId>, for any provider with a webhook receiver, as a
 * plain Fetch API handler so any host (the Next.js route, a test) can call it. The body is
 * read raw and bounded, because signatures cover the exact bytes the provider sent.
 */
export async function handleProviderWebhook(
  request: Request,
  kind: string,
  integrationId: string,
  deps: WebhookHandlerDeps,
): Promise<Response> {
  if (request.method !== "POST") return json(405, "method-not-allowed", "Webhooks are delivered with POST.");
  const receiver = providerFor(kind)?.webhook;
  if (!receiver) return json(404, "unknown-integration", "No such integration.");
  const body = await readLimitedBody(request, MAX_WEBHOOK_BYTES);
  if (!body) return tooLarge(integrationId);
  try {
    const result = await receiver.receive(deps.db, deps.integrations, {
      integrationId,
      headers: request.headers,
      rawBody: body,
    });
    return json(result.status, result.outcome, result.message);
  } catch (error) {
    console.error(`[webhooks] delivery for integration ${integrationId.slice(0, 64)} failed:`, error);
    // A 5xx makes the provider show the delivery as failed, so it can be redelivered.
    return json(500, "error", "The delivery could not be processed; redeliver it later.");
  }
}

/** POST /api/webhooks/github/<integrationId>. */
export const handleGitHubWebhook = (request: Request, integrationId: string, deps: WebhookHandlerDeps) =>
  handleProviderWebhook(request, "github", integrationId, deps);

function tooLarge(integrationId: string): Response {
  console.warn(
    `[webhooks] delivery for integration ${integrationId.slice(0, 64)} refused: body over ${MAX_WEBHOOK_BYTES} bytes`,
  );
  return json(413, "too-large", `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES / (1024 * 1024)} MiB.`);
}

function json(status: number, outcome: string, message: string): Response {
  return Response.json({ outcome, message }, { status });
}
