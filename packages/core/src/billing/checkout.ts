import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { auditIdentity, authorize, type Principal } from "../authz";
import { BILLING_PURCHASE_LOCK_MS } from "../limits";
import { isPluginKey } from "../plugins/registry";
import type { BillingDeps } from "./deps";
import { lockBillingRow } from "./billing-row";
import type { ReleaseChoice } from "./change-subscription";
import { changeLiveSubscription, expireOpenCheckouts } from "./plan-change";
import { planByKey, type PlanKey } from "./plans";
import { currentSubscription } from "./subscription-sync";

export type CheckoutInput = {
  plan: Exclude<PlanKey, "free">;
  pluginSeats: Record<string, number>;
  /** For a downgrade below the seats in use: which members' licenses to release, per plugin. */
  release?: ReleaseChoice;
};

/** The org's Stripe customer, created on first need (its id is all we keep). */
async function ensureCustomer(db: TenantDb, deps: BillingDeps, slug: string): Promise<string> {
  const existing = await db.orgBilling.findUnique({ where: { orgId: db.orgId }, select: { stripeCustomerId: true } });
  if (existing?.stripeCustomerId) return existing.stripeCustomerId;
  const customer = await deps.stripe.customers.create({ name: slug, metadata: { orgId: db.orgId } });
  await db.transaction(async (tx) => {
    await lockBillingRow(tx, db.orgId);
    await tx.orgBilling.updateMany({
      where: { orgId: db.orgId, stripeCustomerId: null },
      data: { stripeCustomerId: customer.id },
    });
  });
  const row = await db.orgBilling.findUnique({ where: { orgId: db.orgId }, select: { stripeCustomerId: true } });
  return row!.stripeCustomerId!;
}

/**
 * Buys or changes the plan (per member seat) and plugin seats. Without a live subscription:
 * a Stripe Checkout session (`mode: "checkout"`, its URL). With one: that subscription is
 * changed in place (`mode: "updated"`, the billing page's URL), so an org never pays for two.
 */
export async function createCheckout(
  db: TenantDb,
  principal: Principal,
  deps: BillingDeps,
  slug: string,
  input: CheckoutInput,
) {
  authorize(principal, "billing.manage");
  const planPrice = deps.prices.plans[input.plan];
  if (!planPrice)
    throw new AppError("PRECONDITION_FAILED", `The ${planByKey(input.plan).name} plan has no Stripe price configured.`);
  const members = await db.membership.count();
  const lineItems = [{ price: planPrice, quantity: Math.max(1, members) }];
  const pluginSeats: Record<string, number> = {};
  for (const [key, seats] of Object.entries(input.pluginSeats)) {
    if (!isPluginKey(key)) throw new AppError("BAD_REQUEST", `No plugin "${key}".`);
    if (seats <= 0) continue;
    const price = deps.prices.plugins[key];
    if (!price) throw new AppError("PRECONDITION_FAILED", `${key} has no Stripe price configured.`);
    lineItems.push({ price, quantity: seats });
    pluginSeats[key] = seats;
  }
  // One purchase at a time per org: two tabs (or two admins) buying at the same moment would
  // otherwise both find no subscription and open two Checkouts (or create two customers).
  // The lock is held across the Stripe calls; the work inside uses its own connections.
  return db.transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`billing-purchase:${db.orgId}`}, 0))`;
      return purchase(db, principal, deps, slug, input, lineItems, pluginSeats);
    },
    { timeout: BILLING_PURCHASE_LOCK_MS },
  );
}

/** Under the org's purchase lock: change the live subscription, or start a Checkout. */
async function purchase(
  db: TenantDb,
  principal: Principal,
  deps: BillingDeps,
  slug: string,
  input: CheckoutInput,
  lineItems: { price: string; quantity: number }[],
  pluginSeats: Record<string, number>,
) {
  const customer = await ensureCustomer(db, deps, slug);
  const base = `${deps.appUrl}/${encodeURIComponent(slug)}/billing`;
  // Stripe, not our row, says whether one exists: the webhook of a just-paid Checkout may not be in yet.
  const subscriptions = await deps.stripe.subscriptions.list({ customer, status: "all", limit: 20 });
  const live = currentSubscription(subscriptions.data);
  if (live) {
    const { releasedLicenses } = await changeLiveSubscription(db, principal, deps, live, {
      desired: lineItems,
      pluginSeats,
      release: input.release ?? {},
    });
    return { mode: "updated" as const, url: `${base}?checkout=updated`, releasedLicenses };
  }
  await expireOpenCheckouts(deps.stripe, customer);
  const session = await deps.stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: db.orgId,
    line_items: lineItems,
    metadata: { orgId: db.orgId },
    success_url: `${base}?checkout=success`,
    cancel_url: `${base}?checkout=canceled`,
  });
  const { actor, data } = auditIdentity(principal);
  await db.transaction((tx) =>
    recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "billing.checkout_started",
      data: { ...data, plan: input.plan, pluginSeats: input.pluginSeats },
    }),
  );
  if (!session.url) throw new AppError("PRECONDITION_FAILED", "Stripe returned no Checkout URL.");
  return { mode: "checkout" as const, url: session.url, releasedLicenses: 0 };
}

/** The Billing Portal (payment methods, invoices, cancellation); returns its URL. */
export async function createPortal(db: TenantDb, principal: Principal, deps: BillingDeps, slug: string) {
  authorize(principal, "billing.manage");
  const row = await db.orgBilling.findUnique({ where: { orgId: db.orgId }, select: { stripeCustomerId: true } });
  if (!row?.stripeCustomerId)
    throw new AppError("PRECONDITION_FAILED", "Subscribe first: there is no billing account yet.");
  const session = await deps.stripe.billingPortal.sessions.create({
    customer: row.stripeCustomerId,
    return_url: `${deps.appUrl}/${encodeURIComponent(slug)}/billing`,
  });
  const { actor, data } = auditIdentity(principal);
  await db.transaction((tx) => recordAudit(tx, { orgId: db.orgId, actor, action: "billing.portal_opened", data }));
  return { url: session.url };
}

/** Billing history, read from Stripe (only ids and amounts leave this function). */
export async function listInvoices(db: TenantDb, principal: Principal, deps: BillingDeps) {
  authorize(principal, "billing.read");
  const row = await db.orgBilling.findUnique({ where: { orgId: db.orgId }, select: { stripeCustomerId: true } });
  if (!row?.stripeCustomerId) return [];
  const invoices = await deps.stripe.invoices.list({ customer: row.stripeCustomerId, limit: 24 });
  return invoices.data.map((i) => ({
    id: i.id,
    number: i.number ?? null,
    status: i.status ?? null,
    amountDue: i.amount_due,
    amountPaid: i.amount_paid,
    currency: i.currency,
    created: new Date(i.created * 1000),
    url: i.hosted_invoice_url ?? null,
  }));
}
