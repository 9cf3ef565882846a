import type { TenantDb } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import { openWebhookSecret } from "./credentials";
import type { IntegrationDeps } from "./deps";
import { findGitHubIntegration } from "./github/open-client";
import { removeScheduleQuietly } from "./schedules";
import { orphanSources } from "./sync/ingest-repository";
import { sourcePrefix } from "./sync/source-keys";

/**
 * Deletes the integration with its runs and deliveries (cascade) and its scheduler. Its
 * entities become orphans (shown as such, purged after the grace period) rather than
 * vanishing at once; an integration connected again later takes orphans over instead of
 * conflicting with them.
 */
export async function deleteIntegration(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, id: string) {
  authorize(actor, "integrations.manage");
  const { row } = await findGitHubIntegration(db, id);
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
  const sources = await db.catalogSource.findMany({
    where: { type: "GITHUB", key: { startsWith: sourcePrefix(row.id) } },
    select: { key: true },
  });
  await orphanSources(
    db,
    sources.map((s) => s.key),
  );
  return { id: row.id };
}

/** The webhook secret, for pasting into GitHub's webhook form; every reveal is audited. */
export async function revealWebhookSecret(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, id: string) {
  authorize(actor, "integrations.manage");
  const { row } = await findGitHubIntegration(db, id);
  const secret = openWebhookSecret(deps.secrets, row);
  await db.transaction((tx) =>
    recordAudit(tx, { orgId: db.orgId, actor, action: "integration.webhook_secret_revealed", target: row.id }),
  );
  return { secret: secret ?? "" };
}
