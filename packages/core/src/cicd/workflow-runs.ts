import type { WorkflowRun } from "@stagedoor/connectors";
import { normalizeEntityRef } from "@stagedoor/catalog";
import type { PrismaTypes, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";

export const PROJECT_SLUG = "github.com/project-slug";
export const MAX_RUNS_PER_ENTITY = 50;
export const MAX_BADGE_REFS = 100;

type Executor = Pick<PrismaTypes.TransactionClient, "$executeRaw">;

/**
 * Inserts or refreshes runs (by org, repository, run id) in one statement; `db` is the
 * org's client or a transaction of it.
 */
export async function upsertWorkflowRuns(
  db: Executor,
  orgId: string,
  integrationId: string,
  runs: readonly WorkflowRun[],
): Promise<number> {
  if (runs.length === 0) return 0;
  // One row per run even if a list repeats one (re-runs share ids across attempts).
  const unique = [...new Map(runs.map((r) => [`${r.repository.toLowerCase()}#${r.id}`, r])).values()];
  const col = <T>(f: (r: WorkflowRun) => T) => unique.map(f);
  return db.$executeRaw`
    INSERT INTO "WorkflowRun" (id, "orgId", "integrationId", repository, "runId", "workflowName", status, conclusion,
      branch, "commitSha", actor, event, "startedAt", "durationSeconds", url, "updatedAt")
    SELECT gen_random_uuid()::text, ${orgId}, ${integrationId}, u.repository, u.run_id, u.workflow, u.status,
      u.conclusion, u.branch, u.sha, u.actor, u.event, u.started, u.duration, u.url, now()
    FROM unnest(${col((r) => r.repository.toLowerCase())}::text[], ${col((r) => String(r.id))}::bigint[],
      ${col((r) => r.workflowName)}::text[], ${col((r) => r.status)}::text[], ${col((r) => r.conclusion)}::text[],
      ${col((r) => r.branch)}::text[], ${col((r) => r.commitSha)}::text[], ${col((r) => r.actor)}::text[],
      ${col((r) => r.event)}::text[], ${col((r) => new Date(r.startedAt))}::timestamp[],
      ${col((r) => r.durationSeconds)}::int[], ${col((r) => r.url)}::text[])
      AS u(repository, run_id, workflow, status, conclusion, branch, sha, actor, event, started, duration, url)
    ON CONFLICT ("orgId", repository, "runId") DO UPDATE SET
      "integrationId" = EXCLUDED."integrationId", "workflowName" = EXCLUDED."workflowName",
      status = EXCLUDED.status, conclusion = EXCLUDED.conclusion, branch = EXCLUDED.branch,
      "commitSha" = EXCLUDED."commitSha", actor = EXCLUDED.actor, event = EXCLUDED.event,
      "startedAt" = EXCLUDED."startedAt", "durationSeconds" = EXCLUDED."durationSeconds", url = EXCLUDED.url,
      "updatedAt" = now()`;
}

export type WorkflowRunView = {
  id: string;
  workflowName: string;
  status: string;
  conclusion: string | null;
  branch: string | null;
  commitSha: string | null;
  actor: string | null;
  event: string | null;
  startedAt: Date;
  durationSeconds: number | null;
  url: string;
};

function refOrThrow(input: string): string {
  try {
    return normalizeEntityRef(input, { defaultNamespace: "default" });
  } catch {
    throw new AppError("BAD_REQUEST", `"${input}" is not an entity ref: write kind:namespace/name.`);
  }
}

function slugOf(entity: unknown): string | null {
  const annotations = (entity as { metadata?: { annotations?: Record<string, unknown> } })?.metadata?.annotations;
  const slug = annotations?.[PROJECT_SLUG];
  return typeof slug === "string" && /^[^/\s]+\/[^/\s]+$/.test(slug.trim()) ? slug.trim().toLowerCase() : null;
}

/** An entity's recent CI runs, newest first; none when it has no github.com/project-slug. */
export async function runsForEntity(db: TenantDb, by: Principal, refInput: string): Promise<WorkflowRunView[]> {
  authorize(by, "catalog.read");
  const ref = refOrThrow(refInput);
  const entity = await db.catalogEntity.findFirst({ where: { ref }, select: { entity: true } });
  if (!entity) throw new AppError("NOT_FOUND", `No entity ${ref} in this catalog.`);
  const slug = slugOf(entity.entity);
  if (!slug) return [];
  const rows = await db.workflowRun.findMany({
    where: { repository: slug },
    orderBy: [{ startedAt: "desc" }, { runId: "desc" }],
    take: MAX_RUNS_PER_ENTITY,
  });
  return rows.map((r) => ({
    id: r.runId.toString(),
    workflowName: r.workflowName,
    status: r.status,
    conclusion: r.conclusion,
    branch: r.branch,
    commitSha: r.commitSha,
    actor: r.actor,
    event: r.event,
    startedAt: r.startedAt,
    durationSeconds: r.durationSeconds,
    url: r.url,
  }));
}

export type RunBadge = { status: string; conclusion: string | null; url: string };

/** The latest run per entity for catalog-list badges, keyed by the refs as given. */
export async function latestRunsForRefs(
  db: TenantDb,
  by: Principal,
  refs: readonly string[],
): Promise<Record<string, RunBadge | null>> {
  authorize(by, "catalog.read");
  if (refs.length > MAX_BADGE_REFS)
    throw new AppError("BAD_REQUEST", `Ask for at most ${MAX_BADGE_REFS} refs at once.`);
  const normalized = new Map<string, string | null>();
  for (const input of refs) {
    try {
      normalized.set(input, normalizeEntityRef(input, { defaultNamespace: "default" }));
    } catch {
      normalized.set(input, null);
    }
  }
  const wanted = [...new Set([...normalized.values()].filter((r): r is string => r !== null))];
  const entities = wanted.length
    ? await db.catalogEntity.findMany({ where: { ref: { in: wanted } }, select: { ref: true, entity: true } })
    : [];
  const slugByRef = new Map(entities.map((e) => [e.ref, slugOf(e.entity)]));
  const slugs = [...new Set([...slugByRef.values()].filter((s): s is string => s !== null))];
  const latest = slugs.length
    ? await db.$queryRaw<Array<{ repository: string; status: string; conclusion: string | null; url: string }>>`
        SELECT DISTINCT ON (repository) repository, status, conclusion, url FROM "WorkflowRun"
        WHERE "orgId" = ${db.orgId} AND repository = ANY(${slugs}::text[])
        ORDER BY repository, "startedAt" DESC, "runId" DESC`
    : [];
  const bySlug = new Map(latest.map((r) => [r.repository, { status: r.status, conclusion: r.conclusion, url: r.url }]));
  const out: Record<string, RunBadge | null> = {};
  for (const [input, ref] of normalized) {
    const slug = ref ? slugByRef.get(ref) : null;
    out[input] = (slug && bySlug.get(slug)) || null;
  }
  return out;
}
