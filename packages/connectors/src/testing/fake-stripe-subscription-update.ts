import { DAY, stripeError, subscriptionItem, type Obj } from "./fake-stripe-objects";

export type ItemChangeResult = { ok: true; proratedAmount: number } | { ok: false; status: number; body: Obj };

const periodAmount = (sub: Obj) =>
  sub.items.data.reduce((sum: number, i: Obj) => sum + i.price.unit_amount * i.quantity, 0);

/**
 * The `items` of `POST /v1/subscriptions/:id` as Stripe applies them: an entry with `id`
 * changes that item's price or quantity, or removes it with `deleted`; an entry without
 * `id` adds an item. Validation matches Stripe's 400s (unknown item or price, no items
 * left). Returns what the change costs for the rest of the period (Stripe's proration,
 * simplified to whole seconds; credits are not carried).
 */
export function applyItemChanges(
  sub: Obj,
  changes: Obj[],
  priceOf: (id: string) => Obj | null,
  now: number,
): ItemChangeResult {
  const invalid = (message: string, param: string): ItemChangeResult => ({
    ok: false,
    status: 400,
    body: stripeError("invalid_request_error", "resource_missing", message, param),
  });
  const next: Obj[] = sub.items.data.map((i: Obj) => ({ ...i }));
  for (const [n, change] of changes.entries()) {
    const price = change.price ? priceOf(String(change.price)) : null;
    if (change.price && !price) return invalid(`No such price: '${change.price}'`, `items[${n}][price]`);
    const quantity = change.quantity === undefined ? undefined : Number(change.quantity);
    if (change.id) {
      const at = next.findIndex((i) => i.id === change.id);
      if (at < 0) return invalid(`No such subscription item: '${change.id}'`, `items[${n}][id]`);
      if (change.deleted === "true" || change.deleted === true) next.splice(at, 1);
      else next[at] = { ...next[at], ...(price ? { price } : {}), ...(quantity !== undefined ? { quantity } : {}) };
    } else {
      if (!price) return invalid("Each new item needs a price.", `items[${n}][price]`);
      if (next.some((i) => i.price.id === price.id))
        return {
          ok: false,
          status: 400,
          body: stripeError(
            "invalid_request_error",
            "parameter_unknown",
            `Cannot add multiple subscription items with the same price: ${price.id}`,
            `items[${n}][price]`,
          ),
        };
      next.push(subscriptionItem(sub, price, quantity ?? 1, now));
    }
  }
  if (next.length === 0)
    return invalid(
      "A subscription must have at least one active plan. To cancel it, delete the subscription.",
      "items",
    );
  const before = periodAmount(sub);
  const end = sub.items.data[0]?.current_period_end ?? now + 30 * DAY;
  const start = sub.items.data[0]?.current_period_start ?? now;
  sub.items.data = next;
  sub.items.total_count = next.length;
  const remaining = Math.max(0, Math.min(1, (end - now) / Math.max(1, end - start)));
  return { ok: true, proratedAmount: Math.max(0, Math.round((periodAmount(sub) - before) * remaining)) };
}
