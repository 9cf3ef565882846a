import type { DiscoveredRepository, WorkflowRun } from "@stagedoor/connectors";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { PROJECT_SLUG, upsertWorkflowRuns } from "../../../../cicd/workflow-runs";

/**
 * Stores the CI status discovery read for a page of repositories (the head commit's
 * workflow runs, from the same GraphQL request) and says which repositories need their
 * REST run list, so CI costs no request per repository:
 *
 * - only repositories a live entity names in `github.com/project-slug` are kept (the CI/CD
 *   tab and badges show nothing else);
 * - runs that are new or whose status or conclusion moved are written;
 * - a repository whose runs we knew and whose status moved since gets its run list read in
 *   the workflow-runs phase (runs of other branches, and those between two syncs); one seen
 *   for the first time does not: its head runs are there, webhooks add what follows;
 * - a repository whose checks the connection may not read falls back to its run list.
 */
export async function recordCiStatus(
  db: TenantDb,
  integrationId: string,
  repositories: readonly DiscoveredRepository[],
): Promise<{ needRunList: string[]; runsWritten: number }> {
  const bySlug = new Map(repositories.flatMap((r) => (r.ci ? [[r.nameWithOwner.toLowerCase(), r.ci] as const] : [])));
  // Cheap first (a unique-index lookup): which head runs are new or moved. A sync where
  // nothing moved stops here, without looking at the catalog.
  const headRuns = [...bySlug.values()].flatMap((ci) => ci.runs);
  const stored = headRuns.length
    ? await db.sql.one<{ repository: string; runId: string; status: string; conclusion: string | null }>(Prisma.sql`
        SELECT repository, "runId"::text AS "runId", status, conclusion FROM "WorkflowRun"
        WHERE "orgId" = ${db.orgId} AND repository = ANY(${[...bySlug.keys()]}::text[])
          AND "runId" = ANY(${headRuns.map((r) => String(r.id))}::bigint[])`)
    : [];
  const storedRuns = new Map(stored.map((s) => [`${s.repository}#${s.runId}`, s]));
  const moved = (run: WorkflowRun) => {
    const before = storedRuns.get(`${run.repository.toLowerCase()}#${run.id}`);
    return !before || before.status !== run.status || before.conclusion !== run.conclusion;
  };
  const changes = new Map<string, WorkflowRun[]>();
  for (const [slug, ci] of bySlug) {
    const changed = ci.runs.filter(moved);
    if (!ci.readable || changed.length > 0) changes.set(slug, changed);
  }
  if (changes.size === 0) return { needRunList: [], runsWritten: 0 };

  // These reads take the bound one-round-trip path (db.sql): a sync makes them for every page.
  const named = await db.sql.one<{ slug: string }>(Prisma.sql`
    SELECT DISTINCT lower(trim(e.entity->'metadata'->'annotations'->>${PROJECT_SLUG})) AS slug
    FROM "CatalogEntity" e
    WHERE e."orgId" = ${db.orgId} AND e."orphanedAt" IS NULL
      AND lower(trim(e.entity->'metadata'->'annotations'->>${PROJECT_SLUG})) = ANY(${[...changes.keys()]}::text[])`);
  const wanted = named.map((n) => n.slug);
  const readable = wanted.filter((slug) => bySlug.get(slug)?.readable);
  const known = readable.length
    ? await db.sql.one<{ repository: string }>(Prisma.sql`
        SELECT DISTINCT repository FROM "WorkflowRun"
        WHERE "orgId" = ${db.orgId} AND repository = ANY(${readable}::text[])`)
    : [];
  const knownSlugs = new Set(known.map((k) => k.repository));

  const needRunList: string[] = [];
  const toWrite: WorkflowRun[] = [];
  for (const slug of wanted) {
    if (!bySlug.get(slug)?.readable) {
      needRunList.push(slug);
      continue;
    }
    const changed = changes.get(slug) ?? [];
    toWrite.push(...changed);
    if (knownSlugs.has(slug)) needRunList.push(slug);
  }
  await upsertWorkflowRuns(db, db.orgId, integrationId, toWrite);
  return { needRunList, runsWritten: toWrite.length };
}
