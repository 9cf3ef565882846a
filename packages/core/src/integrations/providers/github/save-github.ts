import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../../../errors";
import { recordAudit } from "../../../audit/record-audit";
import { authorize, type UserPrincipal } from "../../../authz";
import { assertIntegrationCapacity } from "../../../billing/plan-capabilities";
import { last4, newWebhookSecret, sealCredentials, sealWebhookSecret } from "../../credentials";
import type { IntegrationDeps } from "../../deps";
import { findGitHubIntegration, GITHUB_PROVIDER } from "./open-client";
import {
  refuseSavedCredentialsForNewHost,
  validateCredentials,
  validateGitHubSettings,
  type GitHubAuthInput,
  type GitHubConfig,
  type GitHubSettingsInput,
} from "./settings";
import { upsertScheduleQuietly } from "../../schedules";

export type SaveGitHubInput = GitHubSettingsInput & { id?: string; auth: GitHubAuthInput };

/**
 * Connects a GitHub integration, or updates one (`id`). Credentials and a generated webhook
 * secret are sealed with the org's and integration's ids as encryption context; the stored
 * config keeps only hints (auth type, app id, the token's last four characters).
 */
export async function saveGitHubIntegration(
  db: TenantDb,
  actor: UserPrincipal,
  deps: IntegrationDeps,
  input: SaveGitHubInput,
): Promise<{ id: string }> {
  authorize(actor, "integrations.manage");
  const settings = await validateGitHubSettings(input, { allowPrivateNetworks: deps.allowPrivateNetworks });
  const existing = input.id ? await findGitHubIntegration(db, input.id) : null;
  if (input.auth.type === "saved" && !existing) {
    throw new AppError("BAD_REQUEST", "Enter the GitHub App or access token credentials.", {
      auth: "Credentials are required for a new connection.",
    });
  }
  // Saved credentials stay with the host they were entered for (issue 8, finding 1).
  const hostChanged = existing !== null && settings.baseUrl !== existing.config.baseUrl;
  if (hostChanged && input.auth.type === "saved") refuseSavedCredentialsForNewHost();
  const credentials = input.auth.type === "saved" ? null : validateCredentials(input.auth);
  const name = input.name.trim();

  const authHints: Pick<GitHubConfig, "authType" | "appId" | "installationId" | "tokenLast4"> = credentials
    ? credentials.type === "app"
      ? {
          authType: "app",
          appId: String(credentials.appId),
          installationId: String(credentials.installationId),
          tokenLast4: null,
        }
      : { authType: "token", appId: null, installationId: null, tokenLast4: last4(credentials.token) }
    : {
        authType: existing!.config.authType,
        appId: existing!.config.appId,
        installationId: existing!.config.installationId,
        tokenLast4: existing!.config.tokenLast4,
      };

  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (existing) {
        const config: GitHubConfig = { ...existing.config, ...settings, ...authHints };
        await tx.integration.update({
          where: { id: existing.row.id },
          data: {
            name,
            config,
            // New credentials or a new host may fix what made the last sync fail.
            ...(credentials ? { credentialsCiphertext: sealCredentials(deps.secrets, existing.row, credentials) } : {}),
            ...(credentials || settings.baseUrl !== existing.config.baseUrl
              ? { status: "connected", statusMessage: null }
              : {}),
          },
        });
        await recordAudit(tx, {
          orgId: db.orgId,
          actor,
          action: "integration.updated",
          target: existing.row.id,
          data: { name, owner: settings.owner, authType: authHints.authType, credentialsChanged: credentials !== null },
        });
        if (hostChanged) {
          await recordAudit(tx, {
            orgId: db.orgId,
            actor,
            action: "integration.host_changed",
            target: existing.row.id,
            data: { from: existing.config.baseUrl, to: settings.baseUrl },
          });
        }
        return existing.row.id;
      }
      const secret = newWebhookSecret();
      const config: GitHubConfig = { ...settings, ...authHints, webhookSecretLast4: last4(secret) };
      // The row's id is part of the encryption context, so it is created first and sealed after.
      await assertIntegrationCapacity(tx, db.orgId, { provider: GITHUB_PROVIDER, label: "GitHub" });
      const row = await tx.integration.create({
        data: { orgId: db.orgId, provider: GITHUB_PROVIDER, name, config, credentialsCiphertext: "" },
        select: { id: true, orgId: true },
      });
      await tx.integration.update({
        where: { id: row.id },
        data: {
          credentialsCiphertext: sealCredentials(deps.secrets, row, credentials!),
          webhookSecretCiphertext: sealWebhookSecret(deps.secrets, row, secret),
        },
      });
      await recordAudit(tx, {
        orgId: db.orgId,
        actor,
        action: "integration.connected",
        target: row.id,
        data: {
          name,
          provider: GITHUB_PROVIDER,
          owner: settings.owner,
          authType: authHints.authType,
          baseUrl: settings.baseUrl,
        },
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
  await upsertScheduleQuietly(deps, {
    orgId: db.orgId,
    integrationId: id,
    intervalMinutes: settings.syncIntervalMinutes,
  });
  return { id };
}
