import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { recordAudit } from "../../../audit/record-audit";
import { authorize, type UserPrincipal } from "../../../authz";
import { assertIntegrationCapacity } from "../../../billing/plan-capabilities";
import { last4, sealCredentials } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { upsertScheduleQuietly } from "../../schedules";
import { findCluster } from "./open-cluster";
import {
  connectionFromInput,
  KUBERNETES_PROVIDER,
  validateInterval,
  type ClusterAuthInput,
  type ClusterConfig,
} from "./settings";
import { testClusterIntegration } from "./test-cluster";

export type SaveClusterInput = { id?: string; name: string; syncIntervalMinutes?: number; auth: ClusterAuthInput };

/**
 * Connects a cluster (or updates one). New credentials are tested first and a failed test
 * refuses the save with its message; the token or key is sealed, the config keeps the
 * server, the CA and hints. Saved credentials never go to a new server: a changed URL
 * needs them entered again (the same rule as GitHub's, issue 8 finding 1).
 */
export async function saveClusterIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveClusterInput,
): Promise<{ id: string }> {
  authorize(actor, "integrations.manage");
  const name = input.name.trim();
  if (!name || name.length > 100) {
    throw new AppError("BAD_REQUEST", "Give the cluster a name of 1-100 characters.", { name: "1-100 characters." });
  }
  const interval = validateInterval(input.syncIntervalMinutes);
  const existing = input.id ? await findCluster(db, input.id) : null;
  if (input.auth.type === "saved" && !existing) {
    throw new AppError("BAD_REQUEST", "Enter the cluster's URL and token, or upload a kubeconfig.", {
      auth: "Credentials are required for a new cluster.",
    });
  }
  const connection =
    input.auth.type === "saved"
      ? null
      : await connectionFromInput(input.auth, { allowPrivateNetworks: deps.allowPrivateNetworks });
  if (connection) {
    const result = await testClusterIntegration(db, actor, deps, { id: input.id, auth: input.auth });
    if (!result.ok) throw new AppError("BAD_REQUEST", `Not saved: the connection test failed. ${result.message}`);
  }
  const config: ClusterConfig = connection
    ? {
        server: connection.server,
        caData: connection.caData ?? null,
        authType: connection.auth.type,
        tokenLast4: connection.auth.type === "token" ? last4(connection.auth.token) : null,
        syncIntervalMinutes: interval,
      }
    : { ...existing!.config, syncIntervalMinutes: interval };
  const hostChanged = existing !== null && config.server !== existing.config.server;

  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (existing) {
        await tx.integration.update({
          where: { id: existing.row.id },
          data: {
            name,
            config,
            ...(connection
              ? {
                  credentialsCiphertext: sealCredentials(deps.secrets, existing.row, connection.auth),
                  status: "connected",
                  statusMessage: null,
                }
              : {}),
          },
        });
        await recordAudit(tx, {
          orgId: db.orgId,
          actor,
          action: "integration.updated",
          target: existing.row.id,
          data: { name, server: config.server, authType: config.authType, credentialsChanged: connection !== null },
        });
        if (hostChanged) {
          await recordAudit(tx, {
            orgId: db.orgId,
            actor,
            action: "integration.host_changed",
            target: existing.row.id,
            data: { from: existing.config.server, to: config.server },
          });
        }
        return existing.row.id;
      }
      await assertIntegrationCapacity(tx, db.orgId, { provider: KUBERNETES_PROVIDER, label: "Kubernetes" });
      const row = await tx.integration.create({
        data: { orgId: db.orgId, provider: KUBERNETES_PROVIDER, name, config, credentialsCiphertext: "" },
        select: { id: true, orgId: true },
      });
      await tx.integration.update({
        where: { id: row.id },
        data: { credentialsCiphertext: sealCredentials(deps.secrets, row, connection!.auth) },
      });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "integration.connected",
        target: row.id,
        data: { name, provider: KUBERNETES_PROVIDER, server: config.server, authType: config.authType },
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
  await upsertScheduleQuietly(deps, { orgId: db.orgId, integrationId: id, intervalMinutes: interval });
  return { id };
}
