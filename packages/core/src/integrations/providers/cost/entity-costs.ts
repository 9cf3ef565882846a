import { normalizeEntityRef } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import type { Principal } from "../../../authz";
import { authorizeInOrg } from "../../../billing/license-policy";
import { COST_INSIGHTS_READ } from "./plugin";

export type EntityCosts = {
  ref: string;
  /** Per currency (never added together): the last 30 days with data, by day and by service. */
  currencies: Array<{
    currency: string;
    from: string;
    to: string;
    total: string;
    daily: Array<{ day: string; cost: string }>;
    services: Array<{ serviceName: string; cost: string }>;
  }>;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An entity's Cost tab: the cost allocated to it (as a component) or, for a group, to the
 * team. Empty `currencies` means no cost data, and the page hides the tab. Part of the
 * Cost Insights plugin: refused without its license before anything is read.
 */
export async function entityCosts(
  db: TenantDb,
  principal: Principal,
  refInput: string,
  days = 30,
): Promise<EntityCosts> {
  await authorizeInOrg(db, principal, COST_INSIGHTS_READ);
  const ref = normalizeEntityRef(refInput);
  const column = ref.startsWith("group:") ? "team" : ref.startsWith("system:") ? "system" : '"entityRef"';
  // One statement for every currency: each currency's window ends on its own last day with
  // data, and the grouping sets give the daily, per-service and total sums side by side.
  // The column comes from the fixed choice above, never from input.
  const sums = await db.sql.one<{
    currency: string;
    last: string;
    day: string | null;
    service: string | null;
    cost: string;
  }>(
    Prisma.sql`
      WITH scoped AS (
        SELECT currency, day, "serviceName", "effectiveCost" FROM "CostDaily"
        WHERE "orgId" = ${db.orgId} AND ${Prisma.raw(column)} = ${ref}
      ), lasts AS (
        SELECT currency, MAX(day) AS last FROM scoped GROUP BY currency
      )
      SELECT s.currency, to_char(l.last, 'YYYY-MM-DD') AS last, to_char(s.day, 'YYYY-MM-DD') AS day,
        s."serviceName" AS service, ROUND(SUM(s."effectiveCost"), 2)::text AS cost
      FROM scoped s JOIN lasts l ON l.currency = s.currency AND s.day > l.last - ${days}::int
      GROUP BY s.currency, l.last, GROUPING SETS ((s.day), (s."serviceName"), ())
      ORDER BY s.currency`,
  );
  const currencies = [...new Set(sums.map((s) => s.currency))].map((currency) => {
    const mine = sums.filter((s) => s.currency === currency);
    const last = mine[0]!.last;
    return {
      currency,
      from: iso(new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 86_400_000)),
      to: last,
      total: mine.find((s) => s.day === null && s.service === null)?.cost ?? "0.00",
      daily: mine
        .filter((s) => s.day !== null)
        .sort((a, b) => a.day!.localeCompare(b.day!))
        .map((s) => ({ day: s.day!, cost: s.cost })),
      services: mine
        .filter((s) => s.service !== null)
        .sort((a, b) => Number(b.cost) - Number(a.cost))
        .map((s) => ({ serviceName: s.service!, cost: s.cost })),
    };
  });
  return { ref, currencies };
}
