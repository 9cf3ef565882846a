import { describeProblem } from "@stagedoor/catalog";
import { Prisma, type TenantDb } from "@stagedoor/db";
import { importSourceSet } from "../../../../catalog/import-source-set";
import type { IngestionCounts, IngestionReport } from "../../../../catalog/ingestion-types";
import type { RepositoryPlan } from "../repository-plan";
import type { SyncRunError } from "../../../views";
import { fingerprint, isFresh, type Fingerprint } from "./fingerprints";
import { repositorySourceKey } from "./source-keys";
import { emptyCounts, type StepCounts } from "../../../sync/step-counts";
import { orphanSources as orphanSourcesOf } from "../../../sync/orphan-sources";

export { emptyCounts, type StepCounts };

export function addIngestion(into: StepCounts, counts: IngestionCounts): void {
  into.entitiesCreated += counts.created;
  into.entitiesUpdated += counts.updated;
  into.entitiesUnchanged += counts.unchanged;
  into.entitiesOrphaned += counts.orphaned;
}

/** Source keys (of these) that exist: repositories without files only matter if they had some. */
export async function existingSourceKeys(db: TenantDb, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  // One round trip (db.sql): a sync step asks this for every page.
  const rows = await db.sql.one<{ key: string }>(
    Prisma.sql`SELECT key FROM "CatalogSource" WHERE "orgId" = ${db.orgId} AND type = 'GITHUB' AND key = ANY(${keys}::text[])`,
  );
  return new Set(rows.map((r) => r.key));
}

/**
 * Repositories through the one ingestion pipeline, each as its own source, all in one
 * transaction with set-based statements for the whole page (importSourceSet): the same
 * few statements for a page of repositories as for one. Idempotent: running it twice changes nothing the
 * second time, which is what makes a retried or resumed sync step safe. A repository that
 * no longer emits anything (files deleted, archived) is imported empty, which orphans its
 * entities. Returns, per plan, the repository's fingerprint when it was imported, or null
 * when nothing was imported.
 */
export async function ingestPlans(
  db: TenantDb,
  integrationId: string,
  plans: Array<{ plan: RepositoryPlan; previous?: Fingerprint }>,
  existing: Set<string>,
  into: StepCounts,
  errors: SyncRunError[],
): Promise<Array<Fingerprint | null>> {
  const imports: Array<{ index: number; plan: RepositoryPlan; files: RepositoryPlan["files"] }> = [];
  plans.forEach(({ plan, previous }, index) => {
    into.reposScanned++;
    into.filesFound += plan.files.filter((f) => !f.generated).length;
    errors.push(...plan.problems);
    if (plan.keepPrevious) return;
    const key = repositorySourceKey(integrationId, plan.repository.databaseId);
    if (isFresh(previous, plan) && existing.has(key)) {
      into.entitiesUnchanged += previous.entities;
      errors.push(...previous.errors);
      return;
    }
    const files = plan.archived ? [] : plan.files;
    if (files.length === 0 && !existing.has(key)) return;
    imports.push({ index, plan, files });
  });
  const reports = await importSourceSet(
    db,
    null,
    imports.map(({ plan, files }) => ({
      source: {
        type: "GITHUB" as const,
        key: repositorySourceKey(integrationId, plan.repository.databaseId),
        // For entity pages' "View source" / "Edit" links and to show the file as owner/repo/path.
        location: {
          repository: plan.repository.nameWithOwner,
          url: plan.repository.url,
          files: Object.fromEntries(files.map((f) => [f.name, f.url])),
        },
      },
      files: files.map(({ name, content, problems }) => ({ name, content, problems })),
      allowEmpty: true,
    })),
  );
  const prints: Array<Fingerprint | null> = plans.map(() => null);
  imports.forEach(({ index, plan, files }, i) => {
    const report = reports[i]!;
    addIngestion(into, report.counts);
    const urls = new Map(files.map((f) => [f.name, f.url]));
    const found = reportErrors(report, plan.repository.nameWithOwner, urls, plan.repository.url);
    errors.push(...found);
    const { created, updated, unchanged } = report.counts;
    prints[index] = fingerprint(plan, created + updated + unchanged, found);
  });
  return prints;
}

/** One repository (a webhook's targeted sync): see ingestPlans. */
export async function ingestPlan(
  db: TenantDb,
  integrationId: string,
  plan: RepositoryPlan,
  existing: Set<string>,
  into: StepCounts,
  errors: SyncRunError[],
  previous?: Fingerprint,
): Promise<Fingerprint | null> {
  const [print] = await ingestPlans(db, integrationId, [{ plan, previous }], existing, into, errors);
  return print ?? null;
}

/** Every problem of an ingestion as sync-run errors, each with a link to its line on GitHub. */
export function reportErrors(
  report: IngestionReport,
  repository: string,
  urls: Map<string, string>,
  fallbackUrl: string,
): SyncRunError[] {
  const out: SyncRunError[] = [];
  for (const file of report.files) {
    const base = urls.get(file.file);
    const at = (line: number | null, column: number | null, message: string, detail = message): SyncRunError => ({
      repository,
      file: file.file,
      url: base ? (line ? `${base}#L${line}` : base) : fallbackUrl,
      line,
      column,
      message,
      detail,
    });
    for (const e of file.errors) out.push(at(e.line || null, e.column || null, e.message, describeProblem(e)));
    for (const doc of file.documents) {
      for (const e of doc.errors) out.push(at(e.line, e.column, e.message, describeProblem(e)));
      if ((doc.status === "conflict" || doc.status === "duplicate") && doc.message) {
        out.push(at(doc.line, doc.column, doc.message));
      }
    }
  }
  return out;
}

/** Empties these GitHub sources (their entities become orphans); returns how many entities that orphaned. */
export const orphanSources = (db: TenantDb, keys: string[]) => orphanSourcesOf(db, "GITHUB", keys);
