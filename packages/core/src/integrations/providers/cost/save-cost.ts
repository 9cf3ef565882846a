import { Prisma, type TenantDb } from "@stagedoor/db";
import { recordAudit } from "../../../audit/record-audit";
import { authorize, type UserPrincipal } from "../../../authz";
import { assertIntegrationCapacity, assertIntegrationRoom } from "../../../billing/plan-capabilities";
import { AppError } from "../../../errors";
import { DEFAULT_COST_GROWTH_ALERT_PERCENT } from "../../../limits";
import { sealCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { requestSync } from "../../request-sync";
import { removeScheduleQuietly, upsertScheduleQuietly } from "../../schedules";
import { DEFAULT_ALLOCATION_RULES, type AllocationRule } from "./allocation";
import { checkCostUrl } from "./fetch-export";
import { findCostIntegration } from "./find-cost-integration";
import {
  COST_PROVIDER,
  COST_SYNC_INTERVAL_MINUTES,
  type CostConfig,
  type CostCredentials,
  type CostSource,
} from "./settings";

/** Credentials as the form sends them; "saved" keeps what is stored (same source host only). */
export type CostCredentialsInput = CostCredentials | { type: "saved" };

export type SaveCostInput = {
  id?: string;
  name: string;
  source: CostSource;
  credentials: CostCredentialsInput;
  allocation?: AllocationRule[];
  growthAlertPercent?: number;
};

/** Where saved credentials may be sent: a new host needs them entered again. */
const hostOf = (s: CostSource) =>
  s.type === "url" ? new URL(s.url).host : s.type === "s3" ? `s3:${s.endpoint ?? "aws"}/${s.bucket}` : "upload";

/**
 * Connects a cost export (or updates one) and starts its first import. Keys and tokens are
 * sealed; the config keeps only where to read and how to allocate. Exports at a URL or in
 * a bucket are re-imported daily; an uploaded file imports once.
 */
export async function saveCostIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveCostInput,
): Promise<{ id: string; syncRunId: string | null }> {
  authorize(actor, "integrations.manage");
  // Before the export's host is looked up: a new export the plan refuses is refused first.
  if (!input.id) await assertIntegrationRoom(db, { provider: COST_PROVIDER, label: "cloud cost" });
  if (input.source.type === "url") await checkCostUrl(input.source.url, deps.allowPrivateNetworks);
  if (input.source.type === "s3" && input.source.endpoint)
    await checkCostUrl(input.source.endpoint, deps.allowPrivateNetworks);
  const existing = input.id ? await findCostIntegration(db, deps, input.id) : null;
  if (input.credentials.type === "saved") {
    if (!existing) throw new AppError("BAD_REQUEST", "Enter the export's credentials.");
    if (hostOf(existing.config.source) !== hostOf(input.source)) {
      throw new AppError("BAD_REQUEST", "The export moved to another host or bucket: enter its credentials again.");
    }
  }
  if (input.source.type === "s3" && input.credentials.type !== "s3" && input.credentials.type !== "saved") {
    throw new AppError("BAD_REQUEST", "A bucket needs an access key id and secret.");
  }
  const credentials = input.credentials.type === "saved" ? null : input.credentials;
  const config: CostConfig = {
    source: input.source,
    allocation: input.allocation ?? existing?.config.allocation ?? [...DEFAULT_ALLOCATION_RULES],
    growthAlertPercent:
      input.growthAlertPercent ?? existing?.config.growthAlertPercent ?? DEFAULT_COST_GROWTH_ALERT_PERCENT,
  };
  const name = input.name.trim();
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (!existing) await assertIntegrationCapacity(tx, db.orgId, { provider: COST_PROVIDER, label: "cloud cost" });
      const row = existing
        ? await tx.integration.update({
            where: { id: existing.id },
            data: { name, config },
            select: { id: true, orgId: true },
          })
        : await tx.integration.create({
            data: { orgId: db.orgId, provider: COST_PROVIDER, name, config, credentialsCiphertext: "" },
            select: { id: true, orgId: true },
          });
      if (credentials) {
        await tx.integration.update({
          where: { id: row.id },
          data: {
            credentialsCiphertext: sealCredentials(deps.secrets, row, credentials),
            status: "connected",
            statusMessage: null,
          },
        });
      }
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: existing ? "integration.updated" : "integration.connected",
        target: row.id,
        data: { name, provider: COST_PROVIDER, source: input.source.type, credentialsChanged: credentials !== null },
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
  if (input.source.type === "upload") {
    await removeScheduleQuietly(deps, id);
    return { id, syncRunId: null };
  }
  await upsertScheduleQuietly(deps, {
    orgId: db.orgId,
    integrationId: id,
    intervalMinutes: COST_SYNC_INTERVAL_MINUTES,
  });
  const { syncRunId } = await requestSync(db, actor, deps, { id });
  return { id, syncRunId };
}
