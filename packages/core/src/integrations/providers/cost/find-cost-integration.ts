import type { TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { openCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import {
  costCredentialsSchema,
  COST_PROVIDER,
  readCostConfig,
  type CostConfig,
  type CostCredentials,
} from "./settings";

/** The org's cost integration with its config and opened credentials; another org's is not found. */
export async function findCostIntegration(
  db: TenantDb,
  deps: IntegrationDeps,
  integrationId: string,
): Promise<{ id: string; name: string; config: CostConfig; credentials: CostCredentials }> {
  const row = await db.integration.findFirst({ where: { id: integrationId, provider: COST_PROVIDER } });
  if (!row) throw new AppError("NOT_FOUND", "Integration not found.");
  const credentials: CostCredentials = row.credentialsCiphertext
    ? openCredentials(deps.secrets, row, costCredentialsSchema)
    : { type: "none" };
  return { id: row.id, name: row.name, config: readCostConfig(row.config), credentials };
}
