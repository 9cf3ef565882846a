import type { EntityClusterState, Health } from "@stagedoor/connectors";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../../../authz";
import { AppError } from "../../../errors";
import { KUBERNETES_PROVIDER } from "./settings";

export type EntityCluster = {
  integrationId: string;
  cluster: string;
  stale: boolean;
  staleReason: string | null;
  syncedAt: Date;
  state: EntityClusterState;
};

/** The entity's Kubernetes tab: every cluster's stored state for it (no live calls). */
export async function kubernetesForEntity(db: TenantDb, by: Principal, ref: string): Promise<EntityCluster[]> {
  authorize(by, "catalog.read");
  const key = ref.toLowerCase();
  const rows = await db.sql(async (q) => {
    const [entity] = await q<{ ref: string }>(
      Prisma.sql`SELECT "ref" FROM "CatalogEntity" WHERE "orgId" = ${db.orgId} AND "ref" = ${key}`,
    );
    if (!entity) return null;
    return q<EntityCluster>(Prisma.sql`
      SELECT s."integrationId", i."name" AS "cluster", s."stale", s."staleReason", s."syncedAt", s."state"
      FROM "KubernetesEntityState" s JOIN "Integration" i ON i."id" = s."integrationId"
      WHERE s."orgId" = ${db.orgId} AND s."entityRef" = ${key}
      ORDER BY i."name"`);
  });
  if (rows === null) throw new AppError("NOT_FOUND", "Entity not found.");
  return rows;
}

export type WorkloadProblemRow = {
  entityRef: string;
  integrationId: string;
  cluster: string;
  type: string;
  severity: "error" | "warning";
  kind: string;
  namespace: string;
  name: string;
  container: string | null;
  message: string;
  explanation: string;
  fix: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  resolvedAt: Date | null;
};

/** Problems resolved within this window still show, as "recent". */
export const RECENT_PROBLEM_HOURS = 24;
export const MAX_PROBLEM_ROWS = 500;

/** The org-wide "workloads with problems" page: open problems first, then recently resolved ones. */
export async function workloadsWithProblems(db: TenantDb, by: Principal): Promise<WorkloadProblemRow[]> {
  authorize(by, "catalog.read");
  const recent = new Date(Date.now() - RECENT_PROBLEM_HOURS * 3600_000);
  return db.sql.one<WorkloadProblemRow>(Prisma.sql`
    SELECT p."entityRef", p."integrationId", i."name" AS "cluster", p."type", p."severity", p."kind", p."namespace", p."name",
      p."container", p."message", p."explanation", p."fix", p."firstSeenAt", p."lastSeenAt", p."resolvedAt"
    FROM "KubernetesProblem" p JOIN "Integration" i ON i."id" = p."integrationId"
    WHERE p."orgId" = ${db.orgId} AND (p."resolvedAt" IS NULL OR p."resolvedAt" > ${recent})
    ORDER BY (p."resolvedAt" IS NULL) DESC, (p."severity" = 'error') DESC, p."lastSeenAt" DESC, p."id"
    LIMIT ${MAX_PROBLEM_ROWS}`);
}

export type EntityHealth = { ref: string; health: Health; problems: number; stale: boolean };

/** Health badges for catalog lists: the worst health over the entity's clusters. */
export async function kubernetesHealthForRefs(db: TenantDb, by: Principal, refs: string[]): Promise<EntityHealth[]> {
  authorize(by, "catalog.read");
  const keys = [...new Set(refs.map((r) => r.toLowerCase()))];
  if (!keys.length) return [];
  const rows = await db.sql.one<{ ref: string; health: string[]; problems: number; stale: boolean }>(Prisma.sql`
    SELECT "entityRef" AS "ref", array_agg("health") AS "health", sum("problemCount")::int AS "problems", bool_or("stale") AS "stale"
    FROM "KubernetesEntityState"
    WHERE "orgId" = ${db.orgId} AND "entityRef" = ANY(${keys}::text[])
    GROUP BY "entityRef"`);
  return rows.map((r) => ({
    ref: r.ref,
    health: r.health.includes("error") ? "error" : r.health.includes("warning") ? "warning" : "healthy",
    problems: r.problems,
    stale: r.stale,
  }));
}

export { KUBERNETES_PROVIDER };
