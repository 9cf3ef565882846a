import { Prisma, type TenantDb } from "@stagedoor/db";
import { ENTITIES, SUMMARY_COLUMNS, type EntitySummary } from "../catalog/entity-rows";
import { latestRunsForRefs, type RunBadge } from "../cicd/workflow-runs";
import { authorize, type UserPrincipal } from "../authz";
import { displayNamesOf } from "../catalog/display-names";
import { memberIdentityOf, type MemberIdentity } from "./member-identity";
import { listStarredEntities } from "./stars";
import { listRecentViews } from "./recent-views";

export const MAX_HOME_COMPONENTS = 50;
const HEALTH_SAMPLES = 5;

export type HomeComponent = EntitySummary & { ci: RunBadge | null; ownerName: string | null };

export type CatalogHealth = {
  /** Entities I (or my groups) own whose latest version has errors. */
  withErrors: { count: number; items: EntitySummary[] };
  /** Entities I own that their source no longer emits. */
  orphans: { count: number; items: EntitySummary[] };
  /** Entities I own without a description. */
  missingDescription: { count: number; items: EntitySummary[] };
  /** Entities in systems I own that have no owner. */
  missingOwner: { count: number; items: EntitySummary[] };
};

export type Home = {
  me: MemberIdentity;
  /** My and my groups' components, CI failures first. */
  components: HomeComponent[];
  componentTotal: number;
  starred: EntitySummary[];
  recent: Array<EntitySummary & { viewedAt: Date }>;
  health: CatalogHealth;
};

const FAILED = new Set(["failure", "timed_out", "startup_failure", "action_required"]);

/** Failures first, then runs in progress, then the rest; by name within each. */
function ciRank(ci: RunBadge | null): number {
  if (!ci) return 3;
  if (ci.conclusion && FAILED.has(ci.conclusion)) return 0;
  if (ci.status !== "completed") return 1;
  return 2;
}

export function sortByCi(items: HomeComponent[]): HomeComponent[] {
  return [...items].sort(
    (a, b) => ciRank(a.ci) - ciRank(b.ci) || a.name.localeCompare(b.name) || a.ref.localeCompare(b.ref),
  );
}

type Counted = EntitySummary & { total: number };

async function healthOf(db: TenantDb, owners: string[]): Promise<CatalogHealth> {
  const sample = (condition: Prisma.Sql) =>
    db.sql.one<Counted>(Prisma.sql`
      SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total FROM ${ENTITIES} e
      WHERE e."orgId" = ${db.orgId} AND ${condition} ORDER BY e.name, e.ref LIMIT ${HEALTH_SAMPLES}`);
  const mine = Prisma.sql`e.owner = ANY(${owners}::text[])`;
  const [withErrors, orphans, missingDescription, missingOwner] = await Promise.all([
    sample(Prisma.sql`${mine} AND e.errors IS NOT NULL`),
    sample(Prisma.sql`${mine} AND e."orphanedAt" IS NOT NULL`),
    sample(Prisma.sql`${mine} AND COALESCE(btrim(e.description), '') = ''`),
    sample(Prisma.sql`e.owner IS NULL AND e.system IN (
      SELECT s.ref FROM ${ENTITIES} s WHERE s."orgId" = ${db.orgId} AND s.kind = 'system' AND s.owner = ANY(${owners}::text[]))`),
  ]);
  const part = (rows: Counted[]) => ({
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, ...summary }) => summary),
  });
  return {
    withErrors: part(withErrors),
    orphans: part(orphans),
    missingDescription: part(missingDescription),
    missingOwner: part(missingOwner),
  };
}

/** Everything the personal home page shows, for one member. */
export async function getHome(db: TenantDb, by: UserPrincipal): Promise<Home> {
  authorize(by, "catalog.read");
  const userId = by.userId;
  const me = await memberIdentityOf(db, userId);
  const [owned, starred, recent, health] = await Promise.all([
    me.owners.length
      ? db.sql.one<Counted>(Prisma.sql`
          SELECT ${SUMMARY_COLUMNS}, count(*) OVER ()::int AS total FROM ${ENTITIES} e
          WHERE e."orgId" = ${db.orgId} AND e.kind = 'component' AND e.owner = ANY(${me.owners}::text[])
          ORDER BY e.name, e.ref LIMIT ${MAX_HOME_COMPONENTS}`)
      : Promise.resolve([] as Counted[]),
    listStarredEntities(db, userId),
    listRecentViews(db, userId),
    healthOf(db, me.owners),
  ]);
  const refs = owned.map((c) => c.ref);
  const [ci, names]: [Record<string, RunBadge | null>, Record<string, string>] = owned.length
    ? await Promise.all([latestRunsForRefs(db, by, refs), displayNamesOf(db, me.owners)])
    : [{}, {}];
  const components = sortByCi(
    owned.map(({ total: _t, ...c }) => ({
      ...c,
      ci: ci[c.ref] ?? null,
      ownerName: c.owner ? (names[c.owner] ?? null) : null,
    })),
  );
  return { me, components, componentTotal: owned[0]?.total ?? 0, starred, recent, health };
}
