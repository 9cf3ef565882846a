import type { EntityClusterState, Problem } from "@stagedoor/connectors";
import { Prisma, type TenantDb } from "@stagedoor/db";

export type EntityStateWrite = { entityRef: string; state: EntityClusterState };

export const problemFingerprint = (p: Problem) => [p.type, p.kind, p.namespace, p.name, p.container ?? ""].join("/");

/**
 * Writes one step's entity states and their problems, in one transaction of three
 * statements whatever the batch size: states upserted, problems seen now upserted (and
 * un-resolved), problems of these entities not seen now resolved.
 */
export async function storeEntityStates(
  db: TenantDb,
  integrationId: string,
  writes: EntityStateWrite[],
  now: Date,
): Promise<void> {
  if (!writes.length) return;
  const states = writes.map((w) => ({
    entityRef: w.entityRef,
    state: w.state,
    health: w.state.health,
    problemCount: w.state.problems.length,
    podCount: w.state.podCount,
  }));
  const problems = writes.flatMap((w) =>
    dedupe(w.state.problems).map((p) => ({
      entityRef: w.entityRef,
      fingerprint: problemFingerprint(p),
      type: p.type,
      severity: p.severity,
      kind: p.kind,
      namespace: p.namespace,
      name: p.name,
      container: p.container,
      message: p.message,
      explanation: p.explanation,
      fix: p.fix,
    })),
  );
  const refs = writes.map((w) => w.entityRef);
  await db.sql(async (q) => {
    await q(Prisma.sql`
      INSERT INTO "KubernetesEntityState"
        ("id", "orgId", "integrationId", "entityRef", "state", "health", "problemCount", "podCount", "stale", "staleReason", "syncedAt")
      SELECT gen_random_uuid()::text, ${db.orgId}, ${integrationId}, s."entityRef", s."state", s."health", s."problemCount", s."podCount", false, NULL, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(states)}::jsonb)
        AS s("entityRef" text, "state" jsonb, "health" text, "problemCount" int, "podCount" int)
      ON CONFLICT ("orgId", "integrationId", "entityRef") DO UPDATE SET
        "state" = EXCLUDED."state", "health" = EXCLUDED."health", "problemCount" = EXCLUDED."problemCount",
        "podCount" = EXCLUDED."podCount", "stale" = false, "staleReason" = NULL, "syncedAt" = EXCLUDED."syncedAt"`);
    if (problems.length) {
      await q(Prisma.sql`
        INSERT INTO "KubernetesProblem"
          ("id", "orgId", "integrationId", "entityRef", "fingerprint", "type", "severity", "kind", "namespace", "name",
           "container", "message", "explanation", "fix", "firstSeenAt", "lastSeenAt", "resolvedAt")
        SELECT gen_random_uuid()::text, ${db.orgId}, ${integrationId}, p."entityRef", p."fingerprint", p."type", p."severity",
          p."kind", p."namespace", p."name", p."container", p."message", p."explanation", p."fix", ${now}, ${now}, NULL
        FROM jsonb_to_recordset(${JSON.stringify(problems)}::jsonb) AS p("entityRef" text, "fingerprint" text, "type" text,
          "severity" text, "kind" text, "namespace" text, "name" text, "container" text, "message" text, "explanation" text, "fix" text)
        ON CONFLICT ("orgId", "integrationId", "entityRef", "fingerprint") DO UPDATE SET
          "severity" = EXCLUDED."severity", "message" = EXCLUDED."message", "explanation" = EXCLUDED."explanation",
          "fix" = EXCLUDED."fix", "lastSeenAt" = EXCLUDED."lastSeenAt", "resolvedAt" = NULL,
          "firstSeenAt" = CASE WHEN "KubernetesProblem"."resolvedAt" IS NULL THEN "KubernetesProblem"."firstSeenAt" ELSE EXCLUDED."firstSeenAt" END`);
    }
    await q(Prisma.sql`
      UPDATE "KubernetesProblem" SET "resolvedAt" = ${now}
      WHERE "orgId" = ${db.orgId} AND "integrationId" = ${integrationId} AND "entityRef" = ANY(${refs}::text[])
        AND "resolvedAt" IS NULL AND "lastSeenAt" < ${now}`);
  });
}

/** A cluster that cannot be reached: its rows stay, marked stale with the reason. */
export async function markClusterStale(db: TenantDb, integrationId: string, reason: string): Promise<void> {
  await db.kubernetesEntityState.updateMany({ where: { integrationId }, data: { stale: true, staleReason: reason } });
}

/** After a complete sync: entities that no longer match this cluster lose its state, their problems resolve. */
export async function removeUnseen(db: TenantDb, integrationId: string, since: Date, now: Date): Promise<number> {
  const gone = await db.kubernetesEntityState.deleteMany({ where: { integrationId, syncedAt: { lt: since } } });
  await db.kubernetesProblem.updateMany({
    where: { integrationId, resolvedAt: null, lastSeenAt: { lt: since } },
    data: { resolvedAt: now },
  });
  return gone.count;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Map<string, Problem>();
  for (const p of problems) seen.set(problemFingerprint(p), p);
  return [...seen.values()];
}
