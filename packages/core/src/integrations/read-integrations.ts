import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";
import { findIntegration, type IntegrationRow } from "./find-integration";
import { providerFor, requireProvider } from "./providers";
import { resolveHistoryFrom } from "../billing/plan-capabilities";
import {
  toIntegrationView,
  toSyncRunView,
  type IntegrationConfigView,
  type IntegrationView,
  type SyncRunView,
} from "./views";

const latestRunOf = (db: TenantDb, integrationId: string) =>
  db.syncRun.findFirst({ where: { integrationId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });

const viewOf = (row: IntegrationRow, latest: Awaited<ReturnType<typeof latestRunOf>>) =>
  toIntegrationView(row, latest, requireProvider(row.provider).view(row.config, row.id));

/**
 * The org's integrations (of one provider when named) with their latest sync run; never a
 * secret. A page that lists one provider's rows names it, and gets that provider's view type.
 */
export async function listIntegrations<Config extends IntegrationConfigView = IntegrationConfigView>(
  db: TenantDb,
  by: Principal,
  options: { provider?: string } = {},
): Promise<IntegrationView<Config>[]> {
  authorize(by, "integrations.read");
  const where = options.provider ? { provider: options.provider } : {};
  const rows = (await db.integration.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).filter(
    (row) => providerFor(row.provider),
  );
  const runs = await Promise.all(rows.map((row) => latestRunOf(db, row.id)));
  return rows.map((row, i) => viewOf(row, runs[i] ?? null) as IntegrationView<Config>);
}

export async function getIntegration<Config extends IntegrationConfigView = IntegrationConfigView>(
  db: TenantDb,
  by: Principal,
  id: string,
): Promise<IntegrationView<Config>> {
  authorize(by, "integrations.read");
  const row = await findIntegration(db, id);
  return viewOf(row, await latestRunOf(db, id)) as IntegrationView<Config>;
}

export async function getSyncRun(db: TenantDb, by: Principal, id: string): Promise<SyncRunView> {
  authorize(by, "integrations.read");
  const run = await db.syncRun.findUnique({ where: { id } });
  if (!run) throw new AppError("NOT_FOUND", "Sync run not found.");
  return toSyncRunView(run);
}

export const MAX_RUNS_PAGE = 100;

/** An integration's sync history, newest first; `nextCursor` is the id to continue after. */
export async function listSyncRuns(
  db: TenantDb,
  by: Principal,
  input: { id: string; cursor?: string | null; limit?: number },
): Promise<{ items: SyncRunView[]; nextCursor: string | null }> {
  authorize(by, "integrations.read");
  requireProvider((await findIntegration(db, input.id)).provider);
  const limit = Math.min(MAX_RUNS_PAGE, Math.max(1, input.limit ?? 20));
  // Run history reaches back as far as the plan's history views (older runs are kept).
  const since = await resolveHistoryFrom(db, db.orgId, undefined);
  const rows = await db.syncRun.findMany({
    where: { integrationId: input.id, startedAt: { gte: since } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map(toSyncRunView);
  return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}
