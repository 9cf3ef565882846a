import { Prisma, type TenantDb } from "@stagedoor/db";
import type { Principal } from "../../../authz";
import { authorizeInOrg } from "../../../billing/license-policy";
import { resolveHistoryFrom } from "../../../billing/plan-capabilities";
import { DEFAULT_COST_GROWTH_ALERT_PERCENT } from "../../../limits";
import { rollupRanges, UNALLOCATED } from "./cost-rollup";
import { COST_INSIGHTS_READ } from "./plugin";
import { COST_PROVIDER, readCostConfig } from "./settings";

export type CostGrouping = "team" | "system" | "entity";
export const COST_PERIODS = [30, 90] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

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
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** The growth threshold: the lowest one set on the org's cost exports, or the default. */
function growthThreshold(configs: Array<{ config: unknown }>): number {
  const set = configs.map((r) => readCostConfig(r.config).growthAlertPercent);
  return set.length ? Math.min(...set) : DEFAULT_COST_GROWTH_ALERT_PERCENT;
}

/**
 * Cost Insights for an org: daily effective cost over the last 30 or 90 days with data,
 * split allocated/unallocated; per team, system or component the period against the one
 * before, top movers and growth alerts. One currency at a time: amounts in different
 * currencies are never added (the answer lists the others to switch to).
 *
 * Every sum reads CostRollup (per day, and per week for teams, systems and components: the
 * totals the import keeps), never the CostDaily aggregates, whose number grows with
 * services × tag values × days. All reads run in one org-bound transaction on the pipelined
 * SQL path (db.sql): two round trips (which currencies and thresholds, then the period's
 * three sums side by side).
 */
export async function costInsights(
  db: TenantDb,
  principal: Principal,
  input: { days: CostPeriod; groupBy: CostGrouping; currency?: string | null },
): Promise<CostInsights> {
  await authorizeInOrg(db, principal, COST_INSIGHTS_READ);
  // A period of `days` reaches that many days back: the plan's history must cover it.
  const today = new Date(new Date().toISOString().slice(0, 10));
  await resolveHistoryFrom(db, db.orgId, new Date(today.getTime() - (input.days - 1) * 86_400_000));
  return db.sql(async (q) => {
    const [currencies, configs] = await Promise.all([
      q<{ currency: string; last: string }>(Prisma.sql`
        SELECT currency, to_char(MAX(day), 'YYYY-MM-DD') AS last FROM "CostRollup"
        WHERE "orgId" = ${db.orgId} AND dimension = 'bucket'
        GROUP BY currency ORDER BY SUM("effectiveCost") DESC, currency`),
      q<{ config: unknown }>(Prisma.sql`
        SELECT config FROM "Integration" WHERE "orgId" = ${db.orgId} AND provider = ${COST_PROVIDER}`),
    ]);
    const growthAlertPercent = growthThreshold(configs);
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
    const scope = (dimension: string) =>
      Prisma.sql`"orgId" = ${db.orgId} AND currency = ${currency} AND dimension = ${dimension}`;
    const unallocated = Prisma.sql`key = ${UNALLOCATED}`;
    // Each period as whole weeks plus the days around them (see rollupRanges).
    const rows = (start: string, end: string) =>
      Prisma.join(
        rollupRanges(start, end).map(
          (r) => Prisma.sql`(span = ${r.span} AND day BETWEEN ${r.from}::date AND ${r.to}::date)`,
        ),
        " OR ",
      );
    const current = rows(from, to);
    const previous = rows(prevFrom, addDays(from, -1));

    // Pipelined on the one connection: sent together, answered in order.
    const [daily, groups, totals] = await Promise.all([
      q<{ day: string; allocated: string; unallocated: string }>(Prisma.sql`
        SELECT to_char(day, 'YYYY-MM-DD') AS day,
          ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE NOT ${unallocated}), 0), 2)::text AS allocated,
          ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE ${unallocated}), 0), 2)::text AS unallocated
        FROM "CostRollup" WHERE ${scope("bucket")} AND span = 'day' AND day BETWEEN ${from}::date AND ${to}::date
        GROUP BY day ORDER BY day`),
      q<CostGroupRow>(Prisma.sql`
        WITH g AS (
          SELECT key,
            COALESCE(SUM("effectiveCost") FILTER (WHERE ${current}), 0) AS cur,
            COALESCE(SUM("effectiveCost") FILTER (WHERE ${previous}), 0) AS prev
          FROM "CostRollup" WHERE ${scope(input.groupBy)} AND (${current} OR ${previous})
          GROUP BY 1
        )
        SELECT key, ROUND(cur, 2)::text AS current, ROUND(prev, 2)::text AS previous, ROUND(cur - prev, 2)::text AS change,
          CASE WHEN prev > 0 THEN ROUND((cur - prev) * 100 / prev, 1)::text END AS "changePercent",
          (prev > 0 AND (cur - prev) * 100 / prev >= ${growthAlertPercent}) AS alert
        FROM g ORDER BY cur DESC, key`),
      q<{ total: string; previous: string; unallocated: string; share: string | null }>(Prisma.sql`
        SELECT ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date), 0), 2)::text AS total,
          ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day < ${from}::date), 0), 2)::text AS previous,
          ROUND(COALESCE(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date AND ${unallocated}), 0), 2)::text AS unallocated,
          ROUND(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date AND ${unallocated}) * 100
            / NULLIF(SUM("effectiveCost") FILTER (WHERE day >= ${from}::date), 0), 1)::text AS share
        FROM "CostRollup" WHERE ${scope("bucket")} AND span = 'day' AND day BETWEEN ${prevFrom}::date AND ${to}::date`),
    ]);
    const t = totals[0]!;
    const named = groups.filter((g) => g.key !== "");
    const movers = [...named]
      .filter((g) => g.change !== "0.00")
      .sort((a, b) => Math.abs(Number(b.change)) - Math.abs(Number(a.change)))
      .slice(0, 5);
    return {
      ...empty,
      currency,
      from,
      to,
      total: t.total,
      previousTotal: t.previous,
      unallocated: t.unallocated,
      unallocatedPercent: t.share,
      daily,
      groups: groups.slice(0, MAX_COST_GROUPS),
      topMovers: movers,
      alerts: named.filter((g) => g.alert),
    };
  });
}
