import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseStripeForm } from "./fake-stripe-form";
import { newId as id, OBJECT_ID, stripeError, type Obj } from "./fake-stripe-objects";
import { checkoutPage, portalPage } from "./fake-stripe-pages";
import { FakeStripeState, type FakeStripeOptions } from "./fake-stripe-state";

export type { FakeStripeOptions };

/**
 * A Stripe-shaped local server the real `stripe` SDK talks to
 * (`new Stripe(key, { host, port, protocol: "http" })`): customers, prices, checkout
 * sessions with a hosted-page stand-in (listed and expired too), billing portal sessions,
 * subscriptions (created by Checkout, changed by `POST /v1/subscriptions/:id` with items and
 * prorations) and invoices, in the response shapes of Stripe's API reference (objects in
 * fake-stripe-objects.ts). Paying on the stand-in page creates the subscription, sends the
 * signed webhooks to `webhookUrl` and redirects to `success_url`. `/_fake/*` drives what a
 * test needs from the outside (payment failure, payment, declined cards).
 */
export class FakeStripe extends FakeStripeState {
  private server: Server | null = null;

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  get port() {
    return Number(new URL(this.url).port);
  }

  async close() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const url = new URL(req.url ?? "/", this.url);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = req.headers["content-type"]?.includes("json") ? (raw ? JSON.parse(raw) : {}) : parseStripeForm(raw);
      const query = parseStripeForm(url.search.slice(1));
      this.requests.push(`${req.method} ${url.pathname}`);
      // Stripe answers a repeated POST with the same Idempotency-Key from its cache
      // (the first result, nothing applied again).
      const key = req.method === "POST" ? req.headers["idempotency-key"] : undefined;
      const replay = typeof key === "string" ? this.idempotentResults.get(key) : undefined;
      if (replay) return this.json(res, 200, replay);
      const result = await this.route(req.method ?? "GET", url.pathname, body, query, res);
      if (result === undefined) return;
      if (result === null) return this.json(res, 404, notFound(url.pathname));
      if (typeof key === "string") this.idempotentResults.set(key, structuredClone(result));
      this.json(res, 200, result);
    } catch (error) {
      this.json(res, 500, { error: { type: "api_error", message: String(error) } });
    }
  }

  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
    res.end(JSON.stringify(body));
  }

  private list(data: Obj[], url: string) {
    return { object: "list", data, has_more: false, url };
  }

  // Returns the JSON body, null for 404, or undefined when it answered itself (HTML, redirects).
  private async route(method: string, path: string, body: Obj, query: Obj, res: ServerResponse): Promise<unknown> {
    const seg = path.split("/").filter(Boolean);
    const isId = (s: string, i: number) => i >= 1 && OBJECT_ID.test(s);
    const key = `${method} /${seg.map((s, i) => (isId(s, i) ? ":id" : s)).join("/")}`;
    const objId = seg.find(isId) ?? "";
    switch (key) {
      case "POST /v1/customers": {
        const c = {
          id: id("cus"),
          object: "customer",
          created: this.now(),
          email: body.email ?? null,
          name: body.name ?? null,
          livemode: false,
          metadata: body.metadata ?? {},
        };
        this.customers.set(c.id, c);
        return c;
      }
      case "GET /v1/customers/:id":
        return this.customers.get(objId) ?? null;
      case "GET /v1/prices":
        return this.list([...this.prices.values()], "/v1/prices");
      case "GET /v1/prices/:id":
        return this.prices.get(objId) ?? null;
      case "POST /v1/checkout/sessions": {
        const s = {
          id: id("cs_test"),
          object: "checkout.session",
          cancel_url: body.cancel_url ?? null,
          client_reference_id: body.client_reference_id ?? null,
          created: this.now(),
          customer: body.customer ?? null,
          line_items_input: (body.line_items ?? []).map((l: Obj) => ({
            price: l.price,
            quantity: Number(l.quantity ?? 1),
          })),
          livemode: false,
          metadata: body.metadata ?? {},
          mode: body.mode ?? "subscription",
          payment_status: "unpaid",
          status: "open",
          subscription: null,
          success_url: body.success_url,
          url: "",
        };
        s.url = `${this.url}/checkout/${s.id}`;
        this.sessions.set(s.id, s);
        const { line_items_input: _, ...shape } = s;
        return shape;
      }
      case "GET /v1/checkout/sessions":
        return this.list(
          [...this.sessions.values()]
            .filter(
              (s) => (!query.customer || s.customer === query.customer) && (!query.status || s.status === query.status),
            )
            .reverse()
            .sort(byCreatedDesc)
            .map(({ line_items_input: _, ...shape }) => shape),
          "/v1/checkout/sessions",
        );
      case "POST /v1/checkout/sessions/:id/expire": {
        const s = this.sessions.get(objId);
        if (!s) return null;
        if (s.status !== "open") {
          this.json(
            res,
            400,
            stripeError("invalid_request_error", "checkout_session_not_open", `Only open sessions can be expired.`),
          );
          return undefined;
        }
        s.status = "expired";
        const { line_items_input: _, ...shape } = s;
        return shape;
      }
      case "GET /v1/checkout/sessions/:id": {
        const s = this.sessions.get(objId);
        if (!s) return null;
        const { line_items_input: _, ...shape } = s;
        return shape;
      }
      case "POST /v1/billing_portal/sessions": {
        const p = {
          id: id("bps"),
          object: "billing_portal.session",
          created: this.now(),
          customer: body.customer,
          livemode: false,
          return_url: body.return_url ?? null,
          url: "",
        };
        p.url = `${this.url}/portal/${p.id}?customer=${encodeURIComponent(p.customer)}&return=${encodeURIComponent(p.return_url ?? "")}`;
        return p;
      }
      case "GET /v1/subscriptions": {
        let subs = [...this.subscriptions.values()].filter((s) => !query.customer || s.customer === query.customer);
        if (query.status !== "all") subs = subs.filter((s) => s.status !== "canceled");
        return this.list(subs.reverse().sort(byCreatedDesc), "/v1/subscriptions");
      }
      case "GET /v1/subscriptions/:id":
        return this.subscriptions.get(objId) ?? null;
      case "POST /v1/subscriptions/:id": {
        const sub = this.subscriptions.get(objId);
        if (!sub) return null;
        const result = await this.updateSubscription(sub, body);
        if (result.status === 200) return result.body;
        this.json(res, result.status, result.body);
        return undefined;
      }
      case "DELETE /v1/subscriptions/:id": {
        if (!this.subscriptions.has(objId)) return null;
        const [event] = this.endSubscription(objId);
        return event!.data.object;
      }
      case "GET /v1/invoices": {
        const invs = [...this.invoices.values()].filter((i) => !query.customer || i.customer === query.customer);
        return this.list(invs.reverse().sort(byCreatedDesc), "/v1/invoices");
      }
      case "GET /v1/invoices/:id":
        return this.invoices.get(objId) ?? null;
      case "GET /checkout/:id":
        return this.page(res, this.sessions.get(objId) ? checkoutPage(objId) : null);
      case "POST /checkout/:id/pay": {
        const s = this.sessions.get(objId);
        if (!s || s.status !== "open") return null;
        const sub = this.createSubscription(s.customer, s.line_items_input, s.metadata);
        Object.assign(s, { status: "complete", payment_status: "paid", subscription: sub.id });
        const { line_items_input: _, ...shape } = s;
        await this.deliver([
          this.event("checkout.session.completed", shape),
          this.event("customer.subscription.created", sub),
        ]);
        res.writeHead(303, { location: s.success_url });
        res.end();
        return undefined;
      }
      case "GET /portal/:id":
        return this.page(res, portalPage(String(query.return ?? "")));
      case "POST /_fake/fail-payment":
        return this.control(this.failPayment(body.subscription));
      case "POST /_fake/pay":
        return this.control(this.pay(body.subscription));
      case "POST /_fake/cancel-at-period-end":
        return this.control(this.cancelAtPeriodEnd(body.subscription));
      case "POST /_fake/decline-payments":
        if (body.decline === "false") this.decliningCustomers.delete(body.customer);
        else this.decliningCustomers.add(body.customer);
        return { declining: [...this.decliningCustomers] };
      case "POST /_fake/end-subscription":
        return this.control(this.endSubscription(body.subscription));
      case "GET /_fake/state":
        return {
          subscriptions: [...this.subscriptions.values()],
          events: this.events.map((e) => ({ id: e.id, type: e.type })),
        };
      default:
        return null;
    }
  }

  private async control(events: Obj[]) {
    await this.deliver(events);
    return { delivered: events.map((e) => e.type) };
  }

  private page(res: ServerResponse, html: string | null) {
    if (html === null) return null;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
    return undefined;
  }
}

/**
 * Stripe lists newest first. `created` holds whole seconds, so objects made in one second tie:
 * callers reverse the insertion-ordered list first and the stable sort keeps the newest on top.
 */
const byCreatedDesc = (a: Obj, b: Obj) => (b.created as number) - (a.created as number);

const notFound = (path: string) =>
  stripeError("invalid_request_error", "resource_missing", `No such resource: ${path}`);

export async function startFakeStripe(options: FakeStripeOptions = {}) {
  const fake = new FakeStripe(options);
  await fake.listen();
  return fake;
}
