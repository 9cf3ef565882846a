import {
  checkOutboundUrl,
  createGitHubClient,
  GitHubConfigurationError,
  MAX_CATALOG_PATHS,
  type GitHubCredentials,
} from "@stagedoor/connectors";
import { z } from "zod";
import { AppError } from "../../../errors";
import { DEFAULT_SYNC_INTERVAL_MINUTES, MAX_SYNC_INTERVAL_MINUTES, MIN_SYNC_INTERVAL_MINUTES } from "../../../limits";

export { MAX_CATALOG_PATHS };

export { DEFAULT_SYNC_INTERVAL_MINUTES, MAX_SYNC_INTERVAL_MINUTES, MIN_SYNC_INTERVAL_MINUTES };
export const DEFAULT_CATALOG_PATHS = ["catalog-info.yaml"] as const;

/** Credentials as a form sends them; "saved" keeps what is stored. */
export type GitHubAuthInput =
  | { type: "app"; appId: string; installationId: string; privateKey: string }
  | { type: "token"; token: string }
  | { type: "saved" };

export type GitHubSettingsInput = {
  name: string;
  baseUrl?: string | null;
  owner: string;
  catalogPaths?: string[];
  syncIntervalMinutes?: number;
  syncTeams?: boolean;
  registerReposWithoutCatalog?: boolean;
  allowOtherLocationOwners?: boolean;
};

/**
 * What Integration.config holds for GitHub: settings and non-secret hints only. The
 * credentials and the webhook secret live in the encrypted columns.
 */
export type GitHubConfig = {
  /** REST base URL for GitHub Enterprise Server; null means github.com. */
  baseUrl: string | null;
  owner: string;
  authType: "app" | "token";
  appId: string | null;
  installationId: string | null;
  /** The token's last four characters, so people can tell which token is set. */
  tokenLast4: string | null;
  webhookSecretLast4: string | null;
  catalogPaths: string[];
  syncIntervalMinutes: number;
  syncTeams: boolean;
  registerReposWithoutCatalog: boolean;
  /** Location targets in other owners' repositories are followed too (default: only `owner`'s). */
  allowOtherLocationOwners: boolean;
};

/** The sealed credentials, as the provider contract's credentials schema. */
export const githubCredentialsSchema: z.ZodType<GitHubCredentials> = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("app"),
    appId: z.union([z.string(), z.number()]),
    installationId: z.union([z.string(), z.number()]),
    privateKey: z.string(),
  }),
  z.object({ type: z.literal("token"), token: z.string() }),
]);

/**
 * The stored config, as the provider contract's config schema. Reading stays lenient
 * (readGitHubConfig fills what older rows lack); this is what a well-formed row holds.
 */
export const githubConfigSchema: z.ZodType<GitHubConfig> = z.object({
  baseUrl: z.string().nullable(),
  owner: z.string(),
  authType: z.enum(["app", "token"]),
  appId: z.string().nullable(),
  installationId: z.string().nullable(),
  tokenLast4: z.string().nullable(),
  webhookSecretLast4: z.string().nullable(),
  catalogPaths: z.array(z.string()),
  syncIntervalMinutes: z.number().int(),
  syncTeams: z.boolean(),
  registerReposWithoutCatalog: z.boolean(),
  allowOtherLocationOwners: z.boolean(),
});

export type FieldErrors = Record<string, string>;

// GitHub logins: letters, digits and single hyphens; GitHub Enterprise Server also allows
// underscores (logins synced from LDAP/SAML).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9_]|-(?=[A-Za-z0-9_])){0,38}$/;

/** Reads a stored config defensively: rows written by older code may lack newer fields. */
export function readGitHubConfig(raw: unknown): GitHubConfig {
  const c = (raw && typeof raw === "object" ? raw : {}) as Partial<GitHubConfig>;
  const paths = Array.isArray(c.catalogPaths) && c.catalogPaths.length ? c.catalogPaths : [...DEFAULT_CATALOG_PATHS];
  return {
    baseUrl: typeof c.baseUrl === "string" && c.baseUrl ? c.baseUrl : null,
    owner: typeof c.owner === "string" ? c.owner : "",
    authType: c.authType === "app" ? "app" : "token",
    appId: c.appId ?? null,
    installationId: c.installationId ?? null,
    tokenLast4: c.tokenLast4 ?? null,
    webhookSecretLast4: c.webhookSecretLast4 ?? null,
    catalogPaths: paths.map(String),
    syncIntervalMinutes:
      typeof c.syncIntervalMinutes === "number" ? c.syncIntervalMinutes : DEFAULT_SYNC_INTERVAL_MINUTES,
    syncTeams: c.syncTeams ?? true,
    registerReposWithoutCatalog: c.registerReposWithoutCatalog ?? false,
    allowOtherLocationOwners: c.allowOtherLocationOwners === true,
  };
}

export type ValidSettings = Omit<
  GitHubConfig,
  "authType" | "appId" | "installationId" | "tokenLast4" | "webhookSecretLast4"
>;

/** Every field checked at once, so a form can show all its problems together. */
export async function validateGitHubSettings(
  input: GitHubSettingsInput,
  options: { allowPrivateNetworks: boolean },
): Promise<ValidSettings> {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name || name.length > 100) errors.name = "Give the integration a name of 1-100 characters.";

  const owner = input.owner.trim();
  if (!OWNER.test(owner)) {
    errors.owner = "Enter the GitHub organization or user login, e.g. acme (letters, digits and hyphens).";
  }

  const baseUrl = await validateBaseUrl(input.baseUrl, options.allowPrivateNetworks, errors);
  const catalogPaths = validateCatalogPaths(input.catalogPaths ?? [...DEFAULT_CATALOG_PATHS], errors);

  const interval = input.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES;
  if (!Number.isInteger(interval) || interval < MIN_SYNC_INTERVAL_MINUTES || interval > MAX_SYNC_INTERVAL_MINUTES) {
    errors.syncIntervalMinutes = `Sync every ${MIN_SYNC_INTERVAL_MINUTES} to ${MAX_SYNC_INTERVAL_MINUTES} minutes.`;
  }
  throwIfAny(errors);
  return {
    baseUrl,
    owner,
    catalogPaths,
    syncIntervalMinutes: interval,
    syncTeams: input.syncTeams ?? true,
    registerReposWithoutCatalog: input.registerReposWithoutCatalog ?? false,
    allowOtherLocationOwners: input.allowOtherLocationOwners ?? false,
  };
}

/**
 * A customer-supplied base URL must not point into our own network (cloud metadata above
 * all) unless the operator allows private networks; checked again before every sync,
 * because DNS can change after the form was saved.
 */
export async function validateBaseUrl(
  raw: string | null | undefined,
  allowPrivateNetworks: boolean,
  errors: FieldErrors = {},
): Promise<string | null> {
  const trimmed = raw?.trim() ?? "";
  if (!trimmed) return null;
  const verdict = await checkOutboundUrl(trimmed, { allowPrivateNetworks });
  if (!verdict.ok) {
    errors.baseUrl = verdict.reason;
    return null;
  }
  const url = verdict.url;
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The base URL as stored (origin and path, no trailing slash; null for github.com), without
 * the network check: for comparing a form's URL with the saved one. Unparseable → undefined.
 */
export function normalizeBaseUrl(raw: string | null | undefined): string | null | undefined {
  const trimmed = raw?.trim() ?? "";
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return undefined;
  }
}

/** Why saved credentials cannot follow a new host: whoever runs it would receive them. */
export function refuseSavedCredentialsForNewHost(): never {
  throw new AppError(
    "BAD_REQUEST",
    "The GitHub host changed: enter the credentials again to use them with the new host.",
    { auth: "Saved credentials are only sent to the host they were entered for. Enter them again." },
  );
}

export function validateCatalogPaths(paths: readonly string[], errors: FieldErrors = {}): string[] {
  const cleaned = [...new Set(paths.map((p) => p.trim().replace(/^\.\//, "")).filter(Boolean))];
  if (cleaned.length === 0) {
    errors.catalogPaths = "Give at least one catalog file path, e.g. catalog-info.yaml.";
    return [];
  }
  if (cleaned.length > MAX_CATALOG_PATHS) {
    errors.catalogPaths = `At most ${MAX_CATALOG_PATHS} catalog file paths.`;
    return [];
  }
  const bad = cleaned.find(
    (p) =>
      p.startsWith("/") ||
      p.length > 300 ||
      p.split("/").some((s) => s === "" || s === "." || s === "..") ||
      /[\0\n\r*?[\]]/.test(p),
  );
  if (bad !== undefined) {
    errors.catalogPaths = `"${bad}" is not a file path inside a repository (use e.g. catalog-info.yaml or services/catalog-info.yaml; no wildcards).`;
    return [];
  }
  return cleaned;
}

/**
 * Checks credentials the way the client will use them (numeric ids, a parseable RSA key, a
 * token without spaces) without calling GitHub. Returns them trimmed.
 */
export function validateCredentials(auth: Exclude<GitHubAuthInput, { type: "saved" }>): GitHubCredentials {
  const credentials: GitHubCredentials =
    auth.type === "app"
      ? {
          type: "app",
          appId: auth.appId.trim(),
          installationId: auth.installationId.trim(),
          privateKey: auth.privateKey.trim(),
        }
      : { type: "token", token: auth.token.trim() };
  try {
    createGitHubClient(credentials);
  } catch (error) {
    if (!(error instanceof GitHubConfigurationError)) throw error;
    const field: Record<GitHubConfigurationError["problem"], string> = {
      "invalid-app-id": "auth.appId",
      "invalid-installation-id": "auth.installationId",
      "invalid-private-key": "auth.privateKey",
      "invalid-token": "auth.token",
      "invalid-base-url": "baseUrl",
    };
    throw new AppError("BAD_REQUEST", error.message, { [field[error.problem]]: error.message });
  }
  return credentials;
}

function throwIfAny(errors: FieldErrors): void {
  const fields = Object.keys(errors);
  if (fields.length === 0) return;
  const first = errors[fields[0] as string] as string;
  throw new AppError("BAD_REQUEST", fields.length === 1 ? first : `Check ${fields.length} fields: ${first}`, errors);
}
