import type { TenantDb } from "@stagedoor/db";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import { openWebhookSecret } from "./credentials";
import type { IntegrationDeps } from "./deps";
import { findIntegration } from "./find-integration";
import { requireProvider } from "./providers";

/** The webhook secret, for pasting into the provider's webhook form; every reveal is audited. */
export async function revealWebhookSecret(db: TenantDb, actor: UserPrincipal, deps: IntegrationDeps, id: string) {
  authorize(actor, "integrations.manage");
  const row = await findIntegration(db, id);
  requireProvider(row.provider);
  const secret = openWebhookSecret(deps.secrets, row);
  await db.transaction((tx) =>
    recordAudit(tx, { orgId: db.orgId, actor, action: "integration.webhook_secret_revealed", target: row.id }),
  );
  return { secret: secret ?? "" };
}
