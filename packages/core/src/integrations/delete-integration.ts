import type { TenantDb } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import type { IntegrationDeps } from "./deps";
import { findIntegration } from "./find-integration";
import { requireProvider } from "./providers";
import { removeScheduleQuietly } from "./schedules";
import { orphanSources } from "./sync/orphan-sources";

/** Catalog source keys of an integration all start with its id (see each provider's source keys). */
const sourcePrefix = (integrationId: string) => `${integrationId}/`;

/**
 * Deletes the integration with its runs and deliveries (cascade) and its scheduler. Its
 * entities become orphans (shown as such, purged after the grace period) rather than
 * vanishing at once; an integration connected again later takes orphans over instead of
 * conflicting with them.
 */
export async function deleteIntegration(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, id: string) {
  authorize(actor, "integrations.manage");
  const row = await findIntegration(db, id);
  const provider = requireProvider(row.provider);
  await db.transaction(async (tx) => {
    await tx.integration.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "integration.deleted",
      target: row.id,
      data: { name: row.name, provider: row.provider },
    });
  });
  await removeScheduleQuietly(deps, row.id);
  if (provider.catalogSourceType) {
    const sources = await db.catalogSource.findMany({
      where: { type: provider.catalogSourceType, key: { startsWith: sourcePrefix(row.id) } },
      select: { key: true },
    });
    await orphanSources(
      db,
      provider.catalogSourceType,
      sources.map((s) => s.key),
    );
  }
  return { id: row.id };
}
