import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { SecretBox } from "../secrets";

/**
 * The encryption context binds each ciphertext to its org, integration and column: a
 * ciphertext copied into another row (or another tenant's row) fails to open.
 */
const context = (orgId: string, integrationId: string, what: "credentials" | "webhook-secret") =>
  `org:${orgId}/integration:${integrationId}/${what}`;

type Row = { id: string; orgId: string };

/** Any provider's credentials (an object its credentials schema accepts), sealed as JSON. */
export function sealCredentials(box: SecretBox, row: Row, credentials: object): string {
  return box.encrypt(JSON.stringify(credentials), { context: context(row.orgId, row.id, "credentials") });
}

/**
 * The stored credentials, checked against the provider's credentials schema when one is
 * given (a row written by another provider, or an older shape, then fails to open).
 */
export function openCredentials(box: SecretBox, row: Row & { credentialsCiphertext: string }): unknown;
export function openCredentials<T>(
  box: SecretBox,
  row: Row & { credentialsCiphertext: string },
  schema: z.ZodType<T>,
): T;
export function openCredentials<T>(
  box: SecretBox,
  row: Row & { credentialsCiphertext: string },
  schema?: z.ZodType<T>,
): T | unknown {
  const plain = box.decrypt(row.credentialsCiphertext, { context: context(row.orgId, row.id, "credentials") });
  const parsed: unknown = JSON.parse(plain);
  if (!schema) return parsed;
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new Error("Stored credentials have an unknown shape.");
  return checked.data;
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
