import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWebhook, signedDelivery, signWebhookPayload } from "../testing";
import { receiveWebhook, type ReceivedDelivery } from "./receive-webhook";

const SECRET = "whsec_test";
const repository = { id: 42, node_id: "R_1", name: "api", full_name: "acme/api", default_branch: "main" };
const push = (overrides: Record<string, unknown> = {}) => ({
  ref: "refs/heads/main",
  before: "1".repeat(40),
  after: "2".repeat(40),
  repository,
  forced: false,
  deleted: false,
  commits: [
    { id: "c1", added: ["src/new.ts"], modified: ["catalog-info.yaml"], removed: [] },
    { id: "c2", added: [], modified: ["README.md"], removed: ["docs/catalog.yaml"] },
  ],
  ...overrides,
});

describe("receiving deliveries over HTTP", () => {
  let server: Server;
  let url: string;
  const received: ReceivedDelivery[] = [];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const result = receiveWebhook({
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
        secrets: SECRET,
        catalogPaths: ["catalog-info.yaml"],
      });
      if (result.ok) received.push(result.delivery);
      res.writeHead(result.ok ? 202 : result.status, { "content-type": "application/json" });
      res.end(JSON.stringify(result.ok ? { accepted: result.delivery.deliveryId } : { error: result.code }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/github`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("accepts a validly signed delivery and refuses forged or tampered ones", async () => {
    const ok = await sendWebhook(url, "push", { ...push(), installation: { id: 7 } }, SECRET);
    expect(ok.status).toBe(202);
    expect(received.at(-1)).toMatchObject({
      eventName: "push",
      installationId: 7,
      classification: { handled: true, event: { kind: "catalog-push" } },
    });

    const forged = await sendWebhook(url, "push", push(), "attacker-secret");
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: "signature-mismatch" });

    const delivery = signedDelivery("push", push(), SECRET);
    const tampered = await fetch(url, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body.replace("catalog-info.yaml", "catalog-info.yml"),
    });
    expect(tampered.status).toBe(401);

    const { "x-hub-signature-256": _dropped, ...unsigned } = delivery.headers;
    expect((await fetch(url, { method: "POST", headers: unsigned, body: delivery.body })).status).toBe(401);
    const { "x-github-delivery": _id, ...anonymous } = delivery.headers;
    expect((await fetch(url, { method: "POST", headers: anonymous, body: delivery.body })).status).toBe(400);
    expect(received).toHaveLength(1);
  });

  it("accepts form-encoded deliveries and refuses a signed body that is not JSON", async () => {
    const json = JSON.stringify({ zen: "hi" });
    const body = new URLSearchParams({ payload: json }).toString();
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      "x-github-event": "ping",
      "x-github-delivery": "d-1",
      "x-hub-signature-256": signWebhookPayload(SECRET, body),
    };
    expect((await fetch(url, { method: "POST", headers, body })).status).toBe(202);
    const garbage = "not json";
    const bad = await fetch(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "x-hub-signature-256": signWebhookPayload(SECRET, garbage),
      },
      body: garbage,
    });
    expect(bad.status).toBe(400);
  });
});
