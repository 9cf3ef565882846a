import { obj, str } from "./payload";
import { classifyWebhook, type Classification, type ClassifyOptions } from "./webhooks";
import {
  parseWebhookHeaders,
  verifyWebhookSignature,
  WebhookHeaderError,
  type HeaderSource,
  type SignatureFailure,
} from "./webhook-signature";

export type ReceivedDelivery = {
  deliveryId: string;
  eventName: string;
  action: string | null;
  installationId: number | null;
  hookId: string | null;
  classification: Classification;
};

export type ReceiveResult =
  | { ok: true; delivery: ReceivedDelivery }
  | {
      ok: false;
      status: 400 | 401;
      code: SignatureFailure | WebhookHeaderError["code"] | "invalid-payload";
      message: string;
    };

/**
 * Everything a webhook route does before touching the database: headers, signature over the
 * raw body (before the body is parsed), payload, classification. Idempotency by deliveryId is
 * the caller's: GitHub redelivers with the same id.
 */
export function receiveWebhook(
  input: { headers: HeaderSource; rawBody: string | Uint8Array; secrets: string | readonly string[] } & ClassifyOptions,
): ReceiveResult {
  let headers;
  try {
    headers = parseWebhookHeaders(input.headers);
  } catch (error) {
    if (error instanceof WebhookHeaderError)
      return { ok: false, status: 400, code: error.code, message: error.message };
    throw error;
  }
  const check = verifyWebhookSignature(input.rawBody, headers.signature, input.secrets);
  if (!check.ok) {
    const messages: Record<SignatureFailure, string> = {
      "missing-signature": "The delivery is not signed (no X-Hub-Signature-256 header); set a secret on the webhook.",
      "malformed-signature": "The X-Hub-Signature-256 header is not of the form sha256=<64 hex digits>.",
      "signature-mismatch": "The signature does not match: the webhook secret differs or the body was altered.",
      "no-secret": "No webhook secret is configured for this integration, so no delivery can be trusted.",
    };
    return { ok: false, status: 401, code: check.reason, message: messages[check.reason] };
  }
  let payload: unknown;
  try {
    const text = typeof input.rawBody === "string" ? input.rawBody : Buffer.from(input.rawBody).toString("utf8");
    // Webhooks can be configured to send form-encoded bodies with the JSON in `payload`.
    const json = headers.contentType?.startsWith("application/x-www-form-urlencoded")
      ? (new URLSearchParams(text).get("payload") ?? "")
      : text;
    payload = JSON.parse(json);
  } catch {
    return { ok: false, status: 400, code: "invalid-payload", message: "The delivery body is not valid JSON." };
  }
  const p = obj(payload);
  const installationId = Number(obj(p?.installation)?.id);
  return {
    ok: true,
    delivery: {
      deliveryId: headers.deliveryId,
      eventName: headers.eventName,
      action: str(p?.action) ?? null,
      installationId: Number.isFinite(installationId) ? installationId : null,
      hookId: headers.hookId,
      classification: classifyWebhook(headers.eventName, payload, input),
    },
  };
}
