import { createHmac, timingSafeEqual } from "node:crypto";

export type SignatureFailure = "missing-signature" | "malformed-signature" | "signature-mismatch" | "no-secret";
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureFailure };

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks X-Hub-Signature-256 (HMAC-SHA256 of the raw body, hex) in constant time. Several
 * secrets may be given while one is being rotated; any of them may have signed the delivery.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secrets: string | readonly string[],
): SignatureCheck {
  const candidates = (typeof secrets === "string" ? [secrets] : [...secrets]).filter((s) => s.length > 0);
  if (candidates.length === 0) return { ok: false, reason: "no-secret" };
  if (!signatureHeader) return { ok: false, reason: "missing-signature" };
  const match = SIGNATURE.exec(signatureHeader.trim());
  if (!match) return { ok: false, reason: "malformed-signature" };
  const given = Buffer.from(match[1] as string, "hex");
  let valid = false;
  for (const secret of candidates) {
    const expected = createHmac("sha256", secret).update(rawBody).digest();
    // Every candidate is compared so the time taken does not reveal which secret matched.
    if (timingSafeEqual(expected, given)) valid = true;
  }
  return valid ? { ok: true } : { ok: false, reason: "signature-mismatch" };
}

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export type WebhookHeaders = {
  /** X-GitHub-Delivery: unique per delivery (redeliveries reuse it), the idempotency key. */
  deliveryId: string;
  /** X-GitHub-Event, e.g. push, repository, workflow_run. */
  eventName: string;
  signature: string | null;
  hookId: string | null;
  contentType: string | null;
};

export type WebhookHeaderProblem = "missing-delivery-id" | "invalid-delivery-id" | "missing-event" | "invalid-event";

export class WebhookHeaderError extends Error {
  override readonly name = "WebhookHeaderError";
  constructor(
    readonly code: WebhookHeaderProblem,
    message: string,
  ) {
    super(message);
  }
}

export function readHeader(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  }
  return null;
}

export function parseWebhookHeaders(headers: HeaderSource): WebhookHeaders {
  const deliveryId = readHeader(headers, "x-github-delivery")?.trim();
  if (!deliveryId)
    throw new WebhookHeaderError(
      "missing-delivery-id",
      "The X-GitHub-Delivery header is missing; this does not look like a GitHub webhook delivery.",
    );
  // GitHub sends a GUID; anything outside a conservative alphabet is refused before it reaches a database key.
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(deliveryId)) {
    throw new WebhookHeaderError(
      "invalid-delivery-id",
      "The X-GitHub-Delivery header is not a delivery id (expected a GUID).",
    );
  }
  const eventName = readHeader(headers, "x-github-event")?.trim();
  if (!eventName)
    throw new WebhookHeaderError(
      "missing-event",
      "The X-GitHub-Event header is missing; this does not look like a GitHub webhook delivery.",
    );
  // Event names have digits too (projects_v2_item).
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(eventName))
    throw new WebhookHeaderError("invalid-event", `"${eventName.slice(0, 64)}" is not a GitHub event name.`);
  return {
    deliveryId,
    eventName,
    signature: readHeader(headers, "x-hub-signature-256"),
    hookId: readHeader(headers, "x-github-hook-id"),
    contentType: readHeader(headers, "content-type"),
  };
}
