import { createHash } from "node:crypto";
import { RELATION_MEMBER_OF } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import type { Principal } from "../authz";
import { authorizeInOrg } from "../billing/license-policy";
import { resolveHistoryFrom } from "../billing/plan-capabilities";
import { ENTITIES } from "../catalog/entity-rows";
import { pluginPermission } from "../plugins/permissions";
import { dailyActivity, weeklyCohorts, type Cohort, type DailyActivity, type UserDay } from "./activity";
import { addDays, resolveRange, type InsightsRange, type InsightsRangeInput } from "./report-range";
import { readInsightsSettings } from "./settings";

/** A count in the period and in the previous period of the same length. */
export type Compared = { current: number; previous: number };
export type Usage = { key: string; views: number; userDays: number; previousViews: number };
export type SearchQueryRow = { query: string; searches: number; zeroResults: number; clicks: number };
export type TeamAdoption = { group: string; members: number; active: number };
export type Person = { label: string; days: number; events: number };
type Member = { userId: string; email: string; label: string };

export type InsightsReport = {
  range: InsightsRange;
  pseudonymized: boolean;
  totals: {
    activeUsers: Compared;
    pageViews: Compared;
    searches: Compared;
    averageDau: Compared;
    /** Distinct members active in the last 7 and 30 days of the period. */
    wau: number;
    mau: number;
    /** Average DAU over MAU (0..1): how much of the monthly audience comes back daily. */
    dauMau: number;
    clickThrough: Compared & { unit: "percent" };
  };
  daily: (DailyActivity & { views: number; searches: number })[];
  cohorts: Cohort[];
  teams: TeamAdoption[];
  plugins: Usage[];
  pages: (Usage & { plugin: string; page: string })[];
  entities: Usage[];
  neverViewed: { total: number; entities: { ref: string; kind: string; owner: string | null }[] };
  searches: { top: SearchQueryRow[]; zeroResults: SearchQueryRow[] };
  milestones: { milestone: string; count: number }[];
  api: Usage[];
  people: Person[];
};

/** Kinds whose entities people are meant to open; Users, Groups and Locations are not "rot". */
const CONTENT_KINDS = ["component", "api", "system", "resource", "domain"];
const TOP = 50;
const NEVER_VIEWED_SHOWN = 200;

/** A stable stand-in name: the same member always gets the same one, in this org only. */
export const pseudonym = (orgId: string, userId: string) =>
  `User ${createHash("sha256").update(`${orgId}:${userId}`).digest("hex").slice(0, 6)}`;

/**
 * The Insights page's numbers for one period, from the daily rollups (plus the catalog for
 * teams and never-viewed entities), in one transaction bound to the org. Licensed members
 * only: the plugin permission is checked before anything is read.
 */
export async function insightsReport(db: TenantDb, by: Principal, input: InsightsRangeInput): Promise<InsightsReport> {
  await authorizeInOrg(db, by, pluginPermission("insights", "read"));
  const range = resolveRange(input);
  await resolveHistoryFrom(db, db.orgId, new Date(`${range.from}T00:00:00Z`));
  const settings = await readInsightsSettings(db);
  const org = db.orgId;
  const { from, to, previousFrom, previousTo } = range;
  const inRange = Prisma.sql`day BETWEEN ${previousFrom}::date AND ${to}::date`;
  const usage = (dimension: string, limit: number) => Prisma.sql`
    SELECT key, COALESCE(sum(events) FILTER (WHERE day >= ${from}::date), 0)::int AS views,
      COALESCE(sum(users) FILTER (WHERE day >= ${from}::date), 0)::int AS "userDays",
      COALESCE(sum(events) FILTER (WHERE day < ${from}::date), 0)::int AS "previousViews"
    FROM "InsightsDailyRollup" WHERE "orgId" = ${org} AND dimension = ${dimension} AND ${inRange}
    GROUP BY key ORDER BY views DESC, key LIMIT ${limit}`;

  // Independent reads, each on its own pooled connection (bound to the org like every
  // tenant query), so they run side by side rather than one after the other.
  const q = db.sql.one;
  const totalsP = q<{
    users: number;
    prevUsers: number;
    wau: number;
    mau: number;
  }>(Prisma.sql`
      SELECT count(DISTINCT key) FILTER (WHERE day >= ${from}::date AND day <= ${to}::date)::int AS users,
        count(DISTINCT key) FILTER (WHERE day < ${from}::date)::int AS "prevUsers",
        count(DISTINCT key) FILTER (WHERE day > ${addDays(to, -7)}::date AND day <= ${to}::date)::int AS wau,
        count(DISTINCT key) FILTER (WHERE day > ${addDays(to, -30)}::date AND day <= ${to}::date)::int AS mau
      FROM "InsightsDailyRollup"
      WHERE "orgId" = ${org} AND dimension = 'user'
        AND day BETWEEN LEAST(${previousFrom}::date, ${addDays(to, -29)}::date) AND ${to}::date`);
  const perDayP = q<{ day: string; dim: string; events: number; zero: number; clicks: number }>(Prisma.sql`
      SELECT to_char(day, 'YYYY-MM-DD') AS day, dimension AS dim, sum(events)::int AS events,
        sum("zeroResults")::int AS zero, sum(clicks)::int AS clicks
      FROM "InsightsDailyRollup" WHERE "orgId" = ${org} AND dimension IN ('plugin', 'search') AND ${inRange}
      GROUP BY 1, 2`);
  const periodDaysP = q<{ userId: string; day: string; events: number }>(Prisma.sql`
      SELECT key AS "userId", to_char(day, 'YYYY-MM-DD') AS day, events FROM "InsightsDailyRollup"
      WHERE "orgId" = ${org} AND dimension = 'user' AND day BETWEEN ${from}::date AND ${to}::date`);
  // A member's first day: if they were seen before the period, only that matters (not new,
  // in no cohort); otherwise it is their first day in it. One index probe per member.
  const userDaysP = periodDaysP.then(async (rows) => {
    const keys = [...new Set(rows.map((r) => r.userId))];
    const before = await q<{ key: string }>(Prisma.sql`
      SELECT k AS key FROM unnest(${keys}::text[]) k WHERE EXISTS (
        SELECT 1 FROM "InsightsDailyRollup" x
        WHERE x."orgId" = ${org} AND x.dimension = 'user' AND x.key = k AND x.day < ${from}::date)`);
    const seenBefore = new Set(before.map((b) => b.key));
    const first = new Map<string, string>();
    for (const r of rows) {
      const known = first.get(r.userId);
      if (seenBefore.has(r.userId)) first.set(r.userId, previousTo);
      else if (!known || r.day < known) first.set(r.userId, r.day);
    }
    return rows.map((r): UserDay => ({ ...r, first: first.get(r.userId)! }));
  });
  const previousDaysP = q<{ n: number }>(Prisma.sql`
      SELECT count(*)::int AS n FROM "InsightsDailyRollup"
      WHERE "orgId" = ${org} AND dimension = 'user' AND day BETWEEN ${previousFrom}::date AND ${previousTo}::date`);
  const pluginsP = q<Usage>(usage("plugin", TOP));
  const pagesP = q<Usage>(usage("page", TOP));
  const entitiesP = q<Usage>(usage("entity", TOP));
  const apiP = q<Usage>(usage("api", TOP));
  const searchRows = (order: Prisma.Sql) => Prisma.sql`
      SELECT key AS query, sum(events)::int AS searches, sum("zeroResults")::int AS "zeroResults", sum(clicks)::int AS clicks
      FROM "InsightsDailyRollup"
      WHERE "orgId" = ${org} AND dimension = 'search' AND day BETWEEN ${from}::date AND ${to}::date
      GROUP BY key ${order} LIMIT ${TOP}`;
  const topQueriesP = q<SearchQueryRow>(searchRows(Prisma.sql`ORDER BY searches DESC, key`));
  const zeroQueriesP = q<SearchQueryRow>(
    searchRows(Prisma.sql`HAVING sum("zeroResults") > 0 ORDER BY "zeroResults" DESC, key`),
  );
  const milestonesP = q<{ milestone: string; count: number }>(Prisma.sql`
      SELECT key AS milestone, sum(events)::int AS count FROM "InsightsDailyRollup"
      WHERE "orgId" = ${org} AND dimension = 'milestone' AND day BETWEEN ${from}::date AND ${to}::date
      GROUP BY key ORDER BY count DESC, key`);
  const neverViewedP = q<{ ref: string; kind: string; owner: string | null; total: number }>(Prisma.sql`
      SELECT e.ref, e.kind, e.owner, count(*) OVER ()::int AS total FROM ${ENTITIES} e
      WHERE e."orgId" = ${org} AND e.kind = ANY(${CONTENT_KINDS}::text[]) AND e."orphanedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "InsightsDailyRollup" r
                        WHERE r."orgId" = ${org} AND r.dimension = 'entity' AND r.key = e.ref)
      ORDER BY e.kind, e.ref LIMIT ${NEVER_VIEWED_SHOWN}`);
  // Team adoption: a Group's members are the catalog Users with a memberOf relation to it,
  // matched to org members by profile email (as "my components" on home does first). Joined
  // here rather than in SQL: three short lists, and no plan that loops over users per member.
  const groupMembersP = q<{ grp: string; member: string; email: string | null }>(Prisma.sql`
      SELECT DISTINCT r."targetRef" AS grp, r."sourceRef" AS member, lower(u.entity #>> '{spec,profile,email}') AS email
      FROM "CatalogRelation" r
      JOIN ${ENTITIES} u ON u."orgId" = r."orgId" AND u.ref = r."sourceRef" AND u.kind = 'user'
      WHERE r."orgId" = ${org} AND r.type = ${RELATION_MEMBER_OF} AND r."targetRef" LIKE 'group:%'`);
  const membersP = q<Member>(Prisma.sql`
      SELECT m."userId", lower(u.email) AS email, COALESCE(u.name, u.email) AS label
      FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."orgId" = ${org}`);

  const [
    totals,
    perDay,
    userDays,
    previousDays,
    plugins,
    pages,
    entities,
    api,
    topQueries,
    zeroQueries,
    milestones,
    neverViewed,
    groupMembers,
    members,
  ] = await Promise.all([
    totalsP,
    perDayP,
    userDaysP,
    previousDaysP,
    pluginsP,
    pagesP,
    entitiesP,
    apiP,
    topQueriesP,
    zeroQueriesP,
    milestonesP,
    neverViewedP,
    groupMembersP,
    membersP,
  ]);
  const teams = teamAdoption(groupMembers, members, userDays);
  const people = peopleOf(db.orgId, members, userDays, settings.pseudonymize);
  const t = totals[0] ?? { users: 0, prevUsers: 0, wau: 0, mau: 0 };
  const sum = (dim: string, field: "events" | "zero" | "clicks", current: boolean) =>
    perDay.filter((r) => r.dim === dim && r.day >= from === current).reduce((n, r) => n + r[field], 0);
  const activity = dailyActivity(userDays, range);
  const averageDau = activity.reduce((n, d) => n + d.active, 0) / range.days;
  const previousAverageDau = (previousDays[0]?.n ?? 0) / range.days;
  const ctr = (current: boolean) => {
    const searches = sum("search", "events", current);
    return searches ? Math.round((sum("search", "clicks", current) / searches) * 1000) / 10 : 0;
  };
  const dayCounts = (dim: string) => new Map(perDay.filter((r) => r.dim === dim).map((r) => [r.day, r.events]));
  const views = dayCounts("plugin");
  const searches = dayCounts("search");
  return {
    range,
    pseudonymized: settings.pseudonymize,
    totals: {
      activeUsers: { current: t.users, previous: t.prevUsers },
      pageViews: { current: sum("plugin", "events", true), previous: sum("plugin", "events", false) },
      searches: { current: sum("search", "events", true), previous: sum("search", "events", false) },
      averageDau: { current: round1(averageDau), previous: round1(previousAverageDau) },
      wau: t.wau,
      mau: t.mau,
      dauMau: t.mau ? Math.round((averageDau / t.mau) * 1000) / 1000 : 0,
      clickThrough: { current: ctr(true), previous: ctr(false), unit: "percent" },
    },
    daily: activity.map((d) => ({ ...d, views: views.get(d.day) ?? 0, searches: searches.get(d.day) ?? 0 })),
    cohorts: weeklyCohorts(userDays, range),
    teams,
    plugins,
    pages: pages.map((p) => {
      const space = p.key.indexOf(" ");
      return { ...p, plugin: p.key.slice(0, space), page: p.key.slice(space + 1) };
    }),
    entities,
    neverViewed: {
      total: neverViewed[0]?.total ?? 0,
      entities: neverViewed.map(({ ref, kind, owner }) => ({ ref, kind, owner })),
    },
    searches: { top: topQueries, zeroResults: zeroQueries },
    milestones,
    api,
    people,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function teamAdoption(
  groupMembers: readonly { grp: string; member: string; email: string | null }[],
  memberEmails: readonly Member[],
  userDays: readonly UserDay[],
): TeamAdoption[] {
  const active = new Set(userDays.map((d) => d.userId));
  const activeEmails = new Set(memberEmails.filter((m) => active.has(m.userId)).map((m) => m.email));
  const teams = new Map<string, { members: Set<string>; active: Set<string> }>();
  for (const { grp, member, email } of groupMembers) {
    const team = teams.get(grp) ?? { members: new Set(), active: new Set() };
    team.members.add(member);
    if (email && activeEmails.has(email)) team.active.add(member);
    teams.set(grp, team);
  }
  return [...teams.entries()]
    .map(([group, t]) => ({ group, members: t.members.size, active: t.active.size }))
    .sort((a, b) => b.active - a.active || b.members - a.members || a.group.localeCompare(b.group))
    .slice(0, TOP);
}

/** The most active members of the period, by name or email, or by pseudonym when the org chose so. */
function peopleOf(
  orgId: string,
  members: readonly Member[],
  userDays: readonly UserDay[],
  pseudonymize: boolean,
): Person[] {
  const totals = new Map<string, { days: number; events: number }>();
  for (const r of userDays) {
    const t = totals.get(r.userId) ?? { days: 0, events: 0 };
    t.days++;
    t.events += r.events;
    totals.set(r.userId, t);
  }
  const names = new Map(members.map((m) => [m.userId, m.label]));
  return [...totals.entries()]
    .sort((a, b) => b[1].events - a[1].events || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([userId, t]) => ({
      label: pseudonymize ? pseudonym(orgId, userId) : (names.get(userId) ?? "Former member"),
      ...t,
    }));
}
