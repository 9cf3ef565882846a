import type { Stripe } from "@stagedoor/connectors";
import { AppError } from "../errors";
import { priceTarget, type PriceConfig } from "./plans";

/** What the org asks to pay for: one plan price and plugin prices, each with a quantity. */
export type DesiredItem = { price: string; quantity: number };

/** One entry of `items` for Stripe's `subscriptions.update`. */
export type ItemChange = { id?: string; price?: string; quantity?: number; deleted?: true };

/**
 * The `items` that turn a live subscription into `desired`, as Stripe documents changing
 * plans and quantities: the plan item keeps its id and gets the new price and quantity
 * (Team → Enterprise is a price change of that item, not a second subscription), plugin
 * items change quantity, are removed (`deleted`) when no seats are wanted, or are added.
 * Items whose price this server does not sell are left alone.
 */
export function subscriptionItemChanges(
  current: readonly Pick<Stripe.SubscriptionItem, "id" | "price" | "quantity">[],
  desired: readonly DesiredItem[],
  prices: PriceConfig,
): ItemChange[] {
  const changes: ItemChange[] = [];
  const kindOf = (price: string) => priceTarget(prices, price)?.kind ?? null;
  const wanted = new Map(desired.map((d) => [d.price, d.quantity]));
  const planWanted = desired.find((d) => kindOf(d.price) === "plan");
  let planItemSeen = false;
  for (const item of current) {
    const kind = kindOf(item.price.id);
    if (kind === "plan" && planWanted && !planItemSeen) {
      planItemSeen = true;
      wanted.delete(planWanted.price);
      if (item.price.id !== planWanted.price || item.quantity !== planWanted.quantity)
        changes.push({ id: item.id, price: planWanted.price, quantity: planWanted.quantity });
    } else if (kind !== null) {
      const quantity = wanted.get(item.price.id);
      wanted.delete(item.price.id);
      if (!quantity) changes.push({ id: item.id, deleted: true });
      else if (quantity !== item.quantity) changes.push({ id: item.id, quantity });
    }
  }
  for (const [price, quantity] of wanted) if (quantity > 0) changes.push({ price, quantity });
  return changes;
}

/**
 * Changes the org's live subscription in place. The difference is invoiced at once
 * (`always_invoice`) and, if the card is declined, Stripe answers 402 and changes nothing
 * (`error_if_incomplete`): seats are never granted unpaid.
 */
export async function updateSubscriptionItems(
  stripe: Stripe,
  subscriptionId: string,
  items: ItemChange[],
): Promise<Stripe.Subscription> {
  try {
    return await stripe.subscriptions.update(subscriptionId, {
      items,
      proration_behavior: "always_invoice",
      payment_behavior: "error_if_incomplete",
    });
  } catch (error) {
    if ((error as { type?: string }).type === "StripeCardError")
      throw new AppError(
        "PRECONDITION_FAILED",
        `Stripe declined the payment for this change (${(error as Error).message}). Nothing changed: ` +
          "update the payment method under Manage billing, then try again.",
      );
    throw error;
  }
}

/** Licenses the admin chose to release in a downgrade, per plugin, checked against what stays. */
export type ReleaseChoice = Partial<Record<string, string[]>>;

/**
 * A downgrade below the seats in use asks the admin which licenses go: each plugin whose
 * new seat count is below its holders needs that many of them named in `release`
 * (holders only). Checked before Stripe is called, so a refused change costs nothing.
 * Returns the licenses to release per plugin.
 */
export function checkReleases(
  held: readonly { pluginKey: string; userId: string }[],
  seats: Record<string, number>,
  release: ReleaseChoice,
  names: (key: string) => string,
): Map<string, string[]> {
  const chosen = new Map<string, string[]>();
  const problems: string[] = [];
  for (const key of new Set([...held.map((h) => h.pluginKey), ...Object.keys(release)])) {
    const holders = new Set(held.filter((h) => h.pluginKey === key).map((h) => h.userId));
    const picked = [...new Set(release[key] ?? [])].filter((u) => holders.has(u));
    const over = holders.size - (seats[key] ?? 0);
    const after = seats[key] ?? 0;
    if (picked.length < over)
      problems.push(
        `${names(key)} has ${holders.size} licenses in use and ${after} seat${after === 1 ? "" : "s"} after the ` +
          `change: choose ${over - picked.length} more to release`,
      );
    if (picked.length) chosen.set(key, picked);
  }
  if (problems.length) throw new AppError("PRECONDITION_FAILED", `${problems.join("; ")}.`);
  return chosen;
}
