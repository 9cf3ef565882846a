import { normalizeEntityRef } from "@stagedoor/catalog";
import type { TenantDb } from "@stagedoor/db";
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
  const lasts = await db.$queryRawUnsafe<Array<{ currency: string; last: Date }>>(
    `SELECT currency, MAX(day) AS last FROM "CostDaily" WHERE "orgId" = $1 AND ${column} = $2
     GROUP BY currency ORDER BY currency`,
    db.orgId,
    ref,
  );
  const currencies = [];
  for (const { currency, last } of lasts) {
    const sums = await db.$queryRawUnsafe<Array<{ kind: string; key: string; cost: string }>>(
      `SELECT 'day' AS kind, to_char(day, 'YYYY-MM-DD') AS key, ROUND(SUM("effectiveCost"), 2)::text AS cost
         FROM "CostDaily" WHERE "orgId" = $1 AND ${column} = $2 AND currency = $3 AND day > $4::date - $5::int GROUP BY day
       UNION ALL
       SELECT 'service', "serviceName", ROUND(SUM("effectiveCost"), 2)::text
         FROM "CostDaily" WHERE "orgId" = $1 AND ${column} = $2 AND currency = $3 AND day > $4::date - $5::int GROUP BY "serviceName"
       UNION ALL
       SELECT 'total', '', ROUND(SUM("effectiveCost"), 2)::text
         FROM "CostDaily" WHERE "orgId" = $1 AND ${column} = $2 AND currency = $3 AND day > $4::date - $5::int`,
      db.orgId,
      ref,
      currency,
      iso(last),
      days,
    );
    currencies.push({
      currency,
      from: iso(new Date(last.getTime() - (days - 1) * 86_400_000)),
      to: iso(last),
      total: sums.find((s) => s.kind === "total")?.cost ?? "0.00",
      daily: sums
        .filter((s) => s.kind === "day")
        .sort((a, b) => a.key.localeCompare(b.key))
        .map((s) => ({ day: s.key, cost: s.cost })),
      services: sums
        .filter((s) => s.kind === "service")
        .sort((a, b) => Number(b.cost) - Number(a.cost))
        .map((s) => ({ serviceName: s.key, cost: s.cost })),
    });
  }
  return { ref, currencies };
}
