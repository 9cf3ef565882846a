import { randomBytes } from "node:crypto";
import type { GitHubCredentials } from "@stagedoor/connectors";
import type { SecretBox } from "../secrets";

/**
 * The encryption context binds each ciphertext to its org, integration and column: a
 * ciphertext copied into another row (or another tenant's row) fails to open.
 */
const context = (orgId: string, integrationId: string, what: "credentials" | "webhook-secret") =>
  `org:${orgId}/integration:${integrationId}/${what}`;

type Row = { id: string; orgId: string };

export function sealCredentials(box: SecretBox, row: Row, credentials: GitHubCredentials): string {
  return box.encrypt(JSON.stringify(credentials), { context: context(row.orgId, row.id, "credentials") });
}

export function openCredentials(box: SecretBox, row: Row & { credentialsCiphertext: string }): GitHubCredentials {
  const plain = box.decrypt(row.credentialsCiphertext, { context: context(row.orgId, row.id, "credentials") });
  const parsed = JSON.parse(plain) as GitHubCredentials;
  if (parsed.type !== "app" && parsed.type !== "token") throw new Error("Stored credentials have an unknown type.");
  return parsed;
}

export function sealWebhookSecret(box: SecretBox, row: Row, secret: string): string {
  return box.encrypt(secret, { context: context(row.orgId, row.id, "webhook-secret") });
}

export function openWebhookSecret(
  box: SecretBox,
  row: Row & { webhookSecretCiphertext: string | null },
): string | null {
  if (!row.webhookSecretCiphertext) return null;
  return box.decrypt(row.webhookSecretCiphertext, { context: context(row.orgId, row.id, "webhook-secret") });
}

/** 32 random bytes as hex: what GitHub's webhook form takes as a secret. */
export const newWebhookSecret = () => randomBytes(32).toString("hex");

export const last4 = (value: string) => value.slice(-4);
