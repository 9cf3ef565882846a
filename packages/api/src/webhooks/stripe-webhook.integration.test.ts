import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCheckout, createStripeClient, parsePriceConfig, type BillingDeps } from "@stagedoor/core";
import { startFakeStripe, type FakeStripe } from "@stagedoor/connectors/testing";
import { uniqueSlug } from "@stagedoor/db/testing";
import { callerFor, db, signedInUser } from "../testing/caller";
import { handleStripeWebhookRequest } from "./stripe-webhook";

const SECRET = "whsec_route_test";
let fake: FakeStripe;
let app: Server;
let billing: BillingDeps;

// The route as the web app mounts it, on a real HTTP port the Stripe-shaped server posts to.
beforeAll(async () => {
  app = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const response = await handleStripeWebhookRequest(
      new Request("http://localhost/api/stripe/webhook", { method: "POST", headers, body: Buffer.concat(chunks) }),
      { db, billing },
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  const webhookUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/stripe/webhook`;
  fake = await startFakeStripe({
    webhookUrl,
    webhookSecret: SECRET,
    prices: {
      price_team_r: { nickname: "Team", unitAmount: 1500 },
      price_ff_r: { nickname: "Flags", unitAmount: 900 },
    },
  });
  billing = {
    stripe: createStripeClient({ secretKey: "sk_test_local", apiBase: fake.url }),
    webhookSecret: SECRET,
    prices: parsePriceConfig("team=price_team_r,feature-flags=price_ff_r"),
    appUrl: "http://localhost:3230",
  };
});
afterAll(async () => {
  await fake.close();
  await new Promise((r) => app.close(r));
});

describe("/api/stripe/webhook", () => {
  it("Checkout through the hosted page: redirect back, signed webhook delivered, seats usable", async () => {
    const owner = await signedInUser();
    const slug = uniqueSlug();
    await callerFor(owner).org.create({ name: "Buyer", slug });
    const caller = callerFor(owner, slug);
    const org = await caller.org.get();
    const { url } = await createCheckout(
      db.forOrg(org.id),
      { type: "user", userId: owner.userId, email: owner.email, role: "OWNER" },
      billing,
      slug,
      { plan: "team", pluginSeats: { "feature-flags": 3 } },
    );
    const page = await fetch(url);
    expect(await page.text()).toContain("Pay and subscribe");
    const paid = await fetch(`${url}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.headers.get("location")).toBe(`http://localhost:3230/${slug}/billing?checkout=success`);

    const overview = await caller.billing.overview();
    expect(overview).toMatchObject({ plan: { key: "team" }, status: "active" });
    expect(overview.plugins.find((p) => p.key === "feature-flags")).toMatchObject({ state: "active", seats: 3 });
    await caller.billing.assignLicenses({ pluginKey: "feature-flags", userIds: [owner.userId] });
    expect((await caller.billing.pluginNav()).find((n) => n.key === "feature-flags")).toMatchObject({ unlocked: true });
  });

  it("answers 400 to unsigned and forged deliveries and changes nothing", async () => {
    const event = JSON.stringify({
      id: "evt_forged_1",
      object: "event",
      type: "invoice.paid",
      created: 1,
      data: { object: { customer: "cus_x" } },
    });
    const unsigned = await handleStripeWebhookRequest(
      new Request("http://localhost/api/stripe/webhook", { method: "POST", body: event }),
      { db, billing },
    );
    expect(unsigned.status).toBe(400);
    const forgedHeader = billing.stripe.webhooks.generateTestHeaderString({ payload: event, secret: "whsec_wrong" });
    const forged = await handleStripeWebhookRequest(
      new Request("http://localhost/api/stripe/webhook", {
        method: "POST",
        body: event,
        headers: { "stripe-signature": forgedHeader },
      }),
      { db, billing },
    );
    expect(forged.status).toBe(400);
    // Counted by id: other test files record Stripe events in this table meanwhile.
    expect(await db.admin.stripeEvent.count({ where: { id: "evt_forged_1" } })).toBe(0);
  });
});
