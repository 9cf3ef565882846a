import { Prisma, type PrismaTypes, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { UserPrincipal } from "../authz";
import { assertIntegrationCapacity } from "../billing/plan-capabilities";
import { sealCredentials } from "./credentials";
import type { IntegrationDeps } from "./deps";
import { upsertScheduleQuietly } from "./schedules";

type RowRef = { id: string; orgId: string };

/** What a provider's save has validated and decided, for `writeIntegration` to store. */
export type IntegrationWrite = {
  /** The integration being updated (with the host it is saved for), or null to connect a new one. */
  existing: { row: RowRef; host: string | null } | null;
  provider: string;
  /** The provider's name in the plan-limit message ("GitHub", "Kubernetes"). */
  label: string;
  name: string;
  config: PrismaTypes.InputJsonObject;
  /** Where the integration connects now (null: the provider's public service); a change is audited. */
  host: string | null;
  /** New credentials, or null to keep the saved ones (an update only). */
  credentials: object | null;
  /** Audit data of `integration.updated` and of `integration.connected`. */
  audit: { updated: PrismaTypes.InputJsonObject; connected: PrismaTypes.InputJsonObject };
  /** More sealed columns of a new row (GitHub's webhook secret), sealed with its ids. */
  sealOnCreate?: (row: RowRef) => { webhookSecretCiphertext: string };
  intervalMinutes: number;
};

/**
 * The provider-neutral half of saving an integration, in one transaction: an update writes
 * the name and config (new credentials sealed, and the status back to connected when the
 * credentials or host changed, which may fix what made the last sync fail); a new one is
 * counted against the plan, created, then sealed (the row's id is part of the encryption
 * context, so it exists first). Both are audited; a taken name is a CONFLICT on `name`.
 * Then the sync schedule follows the interval.
 */
export async function writeIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  write: IntegrationWrite,
): Promise<{ id: string }> {
  const { existing, name, config, credentials } = write;
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (existing) {
        const hostChanged = write.host !== existing.host;
        await tx.integration.update({
          where: { id: existing.row.id },
          data: {
            name,
            config,
            ...(credentials ? { credentialsCiphertext: sealCredentials(deps.secrets, existing.row, credentials) } : {}),
            ...(credentials || hostChanged ? { status: "connected", statusMessage: null } : {}),
          },
        });
        await recordAudit(tx, {
          orgId: db.orgId,
          actor,
          action: "integration.updated",
          target: existing.row.id,
          data: write.audit.updated,
        });
        if (hostChanged) {
          await recordAudit(tx, {
            orgId: db.orgId,
            actor,
            action: "integration.host_changed",
            target: existing.row.id,
            data: { from: existing.host, to: write.host },
          });
        }
        return existing.row.id;
      }
      if (!credentials) throw new Error("A new integration needs credentials.");
      await assertIntegrationCapacity(tx, db.orgId, { provider: write.provider, label: write.label });
      const row = await tx.integration.create({
        data: { orgId: db.orgId, provider: write.provider, name, config, credentialsCiphertext: "" },
        select: { id: true, orgId: true },
      });
      await tx.integration.update({
        where: { id: row.id },
        data: { credentialsCiphertext: sealCredentials(deps.secrets, row, credentials), ...write.sealOnCreate?.(row) },
      });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "integration.connected",
        target: row.id,
        data: write.audit.connected,
      });
      return row.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `An integration named "${name}" already exists.`, {
        name: "This name is already used by another integration.",
      });
    }
    throw error;
  }
  await upsertScheduleQuietly(deps, { orgId: db.orgId, integrationId: id, intervalMinutes: write.intervalMinutes });
  return { id };
}
