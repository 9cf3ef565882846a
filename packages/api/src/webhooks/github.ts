import { receiveGitHubWebhook, type IntegrationDeps } from "@stagedoor/core";
import type { Database } from "@stagedoor/db";

/** GitHub caps payloads at 25 MB; the events used here are far smaller, so 5 MiB is plenty. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

export type WebhookHandlerDeps = { db: Database; integrations: IntegrationDeps };

/**
 * POST /api/webhooks/github/<integrationId>, as a plain Fetch API handler so any host
 * (the Next.js route, a test) can call it. The body is read raw and bounded, because the
 * signature covers the exact bytes GitHub sent.
 */
export async function handleGitHubWebhook(
  request: Request,
  integrationId: string,
  deps: WebhookHandlerDeps,
): Promise<Response> {
  if (request.method !== "POST") return json(405, "method-not-allowed", "Webhooks are delivered with POST.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) return tooLarge(integrationId);
  const body = await readLimited(request, MAX_WEBHOOK_BYTES);
  if (!body) return tooLarge(integrationId);
  try {
    const result = await receiveGitHubWebhook(deps.db, deps.integrations, {
      integrationId,
      headers: request.headers,
      rawBody: body,
    });
    return json(result.status, result.outcome, result.message);
  } catch (error) {
    console.error(`[webhooks] delivery for integration ${integrationId.slice(0, 64)} failed:`, error);
    // A 5xx makes GitHub show the delivery as failed, so it can be redelivered.
    return json(500, "error", "The delivery could not be processed; redeliver it later.");
  }
}

function tooLarge(integrationId: string): Response {
  console.warn(
    `[webhooks] delivery for integration ${integrationId.slice(0, 64)} refused: body over ${MAX_WEBHOOK_BYTES} bytes`,
  );
  return json(413, "too-large", `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES / (1024 * 1024)} MiB.`);
}

/** The body, or null as soon as it passes `max` bytes (a missing content-length is no way around the limit). */
async function readLimited(request: Request, max: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function json(status: number, outcome: string, message: string): Response {
  return Response.json({ outcome, message }, { status });
}
