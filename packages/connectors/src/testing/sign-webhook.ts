import { createHmac, randomUUID } from "node:crypto";

/** The X-Hub-Signature-256 value GitHub sends for `body` signed with `secret`. */
export function signWebhookPayload(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export type SignedDelivery = { headers: Record<string, string>; body: string };

/** A delivery as GitHub would send it: JSON body and the headers a receiver checks. */
export function signedDelivery(
  event: string,
  payload: unknown,
  secret: string,
  deliveryId: string = randomUUID(),
): SignedDelivery {
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/fake",
      "x-github-event": event,
      "x-github-delivery": deliveryId,
      "x-github-hook-id": "1",
      "x-hub-signature-256": signWebhookPayload(secret, body),
    },
  };
}

/** POSTs a signed delivery to a webhook receiver (e.g. the app's route in a Playwright run). */
export async function sendWebhook(url: string, event: string, payload: unknown, secret: string): Promise<Response> {
  const delivery = signedDelivery(event, payload, secret);
  return fetch(url, { method: "POST", headers: delivery.headers, body: delivery.body });
}
