import { verify as octokitVerify } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";
import { signWebhookPayload } from "../testing";
import { receiveWebhook } from "./receive-webhook";
import { parseWebhookHeaders, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "whsec_test";
const body = JSON.stringify({ ref: "refs/heads/main", commits: [{ modified: ["catalog-info.yaml"] }] });

describe("webhook signatures", () => {
  it("accepts the right signature and refuses forged, missing and malformed ones", () => {
    expect(verifyWebhookSignature(body, signWebhookPayload(SECRET, body), SECRET)).toEqual({ ok: true });
    expect(
      verifyWebhookSignature(
        Buffer.from(body),
        signWebhookPayload(SECRET, body).toUpperCase().replace("SHA256", "sha256"),
        SECRET,
      ),
    ).toEqual({ ok: true });
    expect(verifyWebhookSignature(body, signWebhookPayload("other", body), SECRET)).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    expect(verifyWebhookSignature(`${body} `, signWebhookPayload(SECRET, body), SECRET)).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    expect(verifyWebhookSignature(body, undefined, SECRET)).toEqual({ ok: false, reason: "missing-signature" });
    for (const malformed of ["sha1=abc", "sha256=xyz", `sha256=${"a".repeat(63)}`, "a".repeat(64)]) {
      expect(verifyWebhookSignature(body, malformed, SECRET)).toEqual({ ok: false, reason: "malformed-signature" });
    }
    expect(verifyWebhookSignature(body, signWebhookPayload(SECRET, body), "")).toEqual({
      ok: false,
      reason: "no-secret",
    });
    // During secret rotation either secret is accepted.
    expect(verifyWebhookSignature(body, signWebhookPayload("old", body), ["new", "old"])).toEqual({ ok: true });
  });

  it("verifies the test vector GitHub publishes in 'Validating webhook deliveries'", async () => {
    const secret = "It's a Secret to Everybody";
    const payload = "Hello, World!";
    const signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(verifyWebhookSignature(payload, signature, secret)).toEqual({ ok: true });
    expect(verifyWebhookSignature(Buffer.from(payload, "utf8"), signature, secret)).toEqual({ ok: true });
    expect(verifyWebhookSignature("Hello, World.", signature, secret)).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    expect(verifyWebhookSignature(payload, signature, "It's a secret to everybody")).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    // The fake signs as GitHub does, and Octokit's own implementation agrees.
    expect(signWebhookPayload(secret, payload)).toBe(signature);
    expect(await octokitVerify(secret, payload, signature)).toBe(true);
    // Through the receiver: the signature passes, then the body is refused as not JSON.
    const received = receiveWebhook({
      headers: { "x-github-delivery": "d-1", "x-github-event": "ping", "x-hub-signature-256": signature },
      rawBody: payload,
      secrets: secret,
    });
    expect(received).toMatchObject({ ok: false, status: 400, code: "invalid-payload" });
  });

  it("parses delivery id and event name with clear errors", () => {
    expect(
      parseWebhookHeaders({ "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958", "X-GitHub-Event": "push" }),
    ).toMatchObject({
      deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      eventName: "push",
      signature: null,
    });
    expect(() => parseWebhookHeaders({ "x-github-event": "push" })).toThrowError(
      expect.objectContaining({ code: "missing-delivery-id" }),
    );
    expect(() => parseWebhookHeaders({ "x-github-delivery": "abc'; drop", "x-github-event": "push" })).toThrowError(
      expect.objectContaining({ code: "invalid-delivery-id" }),
    );
    expect(() => parseWebhookHeaders(new Headers({ "x-github-delivery": "abc" }))).toThrowError(
      expect.objectContaining({ code: "missing-event" }),
    );
    expect(() => parseWebhookHeaders({ "x-github-delivery": "abc", "x-github-event": "Push Event" })).toThrowError(
      expect.objectContaining({ code: "invalid-event" }),
    );
    expect(parseWebhookHeaders({ "x-github-delivery": "abc", "x-github-event": "projects_v2_item" })).toMatchObject({
      eventName: "projects_v2_item",
    });
  });
});
