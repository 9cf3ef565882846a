import type { TenantDb } from "@stagedoor/db";
import type { Principal } from "../../../authz";
import { authorizeInOrg } from "../../../billing/license-policy";
import { DEFAULT_COST_GROWTH_ALERT_PERCENT } from "../../../limits";
import { COST_INSIGHTS_READ } from "./plugin";
import { readCostConfig } from "./settings";

export type CostGrouping = "team" | "system" | "entity";
export const COST_PERIODS = [30, 90] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

const COLUMN: Record<CostGrouping, string> = { team: "team", system: "system", entity: '"entityRef"' };

/** Amounts are decimal strings (numeric as PostgreSQL prints it, 2 places); never summed in JS. */
export type CostGroupRow = {
  key: string;
  current: string;
  previous: string;
  change: string;
  /** null when the previous period had no cost (growth from nothing has no percentage). */
  changePercent: string | null;
  alert: boolean;
};

export type CostInsights = {
  currencies: string[];
  currency: string | null;
  days: CostPeriod;
  /** The period ends on the last day with data (exports lag by a day or more). */
  from: string | null;
  to: string | null;
  total: string;
  previousTotal: string;
  unallocated: string;
  unallocatedPercent: string | null;
  growthAlertPercent: number;
  daily: Array<{ day: string; allocated: string; unallocated: string }>;
  groups: CostGroupRow[];
  topMovers: CostGroupRow[];
  alerts: CostGroupRow[];
};

export const MAX_COST_GROUPS = 50;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The growth threshold: the lowest one set on the org's cost exports, or the default. */
async function growthThreshold(db: TenantDb): Promise<number> {
  const rows = await db.integration.findMany({ where: { provider: "focus" }, select: { config: true } });
  const set = rows.map((r) => readCostConfig(r.config).growthAlertPercent);
  return set.length ? Math.min(...set) : DEFAULT_COST_GROWTH_ALERT_PERCENT;
}

/**
 * Cost Insights for an org: daily effective cost over the last 30 or 90 days with data,
 * split allocated/unallocated; per team, system or component the period against the one
 * before, top movers and growth alerts. One currency at a time: amounts in different
 * currencies are never added (the answer lists the others to switch to).
 */
export async function costInsights(
  db: TenantDb,
  principal: Principal,
  input: { days: CostPeriod; groupBy: CostGrouping; currency?: string | null },
): Promise<CostInsights> {
  await authorizeInOrg(db, principal, COST_INSIGHTS_READ);
  const [currencies, growthAlertPercent] = await Promise.all([
    db.$queryRaw<Array<{ currency: string; last: Date }>>`
      SELECT currency, MAX(day) AS last FROM "CostDaily" WHERE "orgId" = ${db.orgId}
      GROUP BY currency ORDER BY SUM("effectiveCost") DESC`,
    growthThreshold(db),
  ]);
  const chosen = currencies.find((c) => c.currency === input.currency) ?? currencies[0];
  const empty: CostInsights = {
    currencies: currencies.map((c) => c.currency),
    currency: chosen?.currency ?? null,
    days: input.days,
    from: null,
    to: null,
    total: "0.00",
    previousTotal: "0.00",
    unallocated: "0.00",
    unallocatedPercent: null,
    growthAlertPercent,
    daily: [],
    groups: [],
    topMovers: [],
    alerts: [],
  };
  if (!chosen) return empty;
  const to = chosen.last;
  const from = addDays(to, -(input.days - 1));
  const prevFrom = addDays(from, -input.days);
  const currency = chosen.currency;

  // Independent reads, run side by side (each is its own bound transaction).
  const dailyQuery = db.$queryRaw<Array<{ day: Date; allocated: string; unallocated: string }>>`
    SELECT day,
      ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE "allocatedBy" <> ''), 0), 2)::text AS allocated,
      ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE "allocatedBy" = ''), 0), 2)::text AS unallocated
    FROM "CostDaily" WHERE "orgId" = ${db.orgId} AND currency = ${currency} AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY day ORDER BY day`;

  const column = COLUMN[input.groupBy];
  // The column name comes from a fixed table above, never from input.
  const groupsQuery = db.$queryRawUnsafe<Array<CostGroupRow & { alert: boolean }>>(
    `WITH g AS (
       SELECT ${column} AS key,
         COALESCE(SUM("effectiveCost") FILTER (WHERE day >= $3::date), 0) AS cur,
         COALESCE(SUM("effectiveCost") FILTER (WHERE day < $3::date), 0) AS prev
       FROM "CostDaily" WHERE "orgId" = $1 AND currency = $2 AND day BETWEEN $4::date AND $5::date
       GROUP BY 1
     )
     SELECT key, ROUND(cur, 2)::text AS current, ROUND(prev, 2)::text AS previous, ROUND(cur - prev, 2)::text AS change,
       CASE WHEN prev > 0 THEN ROUND((cur - prev) * 100 / prev, 1)::text END AS "changePercent",
       (prev > 0 AND (cur - prev) * 100 / prev >= $6) AS alert
     FROM g ORDER BY cur DESC, key`,
    db.orgId,
    currency,
    iso(from),
    iso(prevFrom),
    iso(to),
    growthAlertPercent,
  );
  const totalsQuery = db.$queryRaw<
    Array<{ total: string; previous: string; unallocated: string; share: string | null }>
  >`
    SELECT ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date), 0), 2)::text AS total,
      ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day < ${from}::date), 0), 2)::text AS previous,
      ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date AND "allocatedBy" = ''), 0), 2)::text AS unallocated,
      ROUND(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date AND "allocatedBy" = '') * 100
        / NULLIF(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date), 0), 1)::text AS share
    FROM "CostDaily" WHERE "orgId" = ${db.orgId} AND currency = ${currency} AND day BETWEEN ${prevFrom}::date AND ${to}::date`;
  const [daily, groups, totals] = await Promise.all([dailyQuery, groupsQuery, totalsQuery]);
  const t = totals[0]!;
  const named = groups.filter((g) => g.key !== "");
  const movers = [...named]
    .filter((g) => g.change !== "0.00")
    .sort((a, b) => Math.abs(Number(b.change)) - Math.abs(Number(a.change)))
    .slice(0, 5);
  return {
    ...empty,
    currency,
    from: iso(from),
    to: iso(to),
    total: t.total,
    previousTotal: t.previous,
    unallocated: t.unallocated,
    unallocatedPercent: t.share,
    daily: daily.map((d) => ({ day: iso(d.day), allocated: d.allocated, unallocated: d.unallocated })),
    groups: groups.slice(0, MAX_COST_GROUPS),
    topMovers: movers,
    alerts: named.filter((g) => g.alert),
  };
}
