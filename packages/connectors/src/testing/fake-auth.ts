import { createPublicKey, randomBytes, verify, type KeyObject } from "node:crypto";
import type { FakePermissions } from "./fake-state";

export type FakeTokenSpec = {
  /** The user the token belongs to. */
  login: string;
  /** Fine-grained permissions; default metadata, contents, members, actions and checks read. */
  permissions?: FakePermissions;
  /** Limit to these repository names (a fine-grained token with selected repositories). */
  repositories?: string[];
};

export type FakeInstallationSpec = {
  id: number;
  permissions?: FakePermissions;
  repositorySelection?: "all" | "selected";
  /** With repositorySelection "selected": the names the installation can see. */
  repositories?: string[];
};

export type FakeAppSpec = {
  id: number;
  slug?: string;
  name?: string;
  /** The PEM the app signs its JWTs with (the server only needs the public half). */
  privateKey?: string;
  publicKey?: string;
  installations: FakeInstallationSpec[];
};

export type Principal =
  | { kind: "app"; appId: number }
  | { kind: "installation"; installationId: number; permissions: FakePermissions; repositories: Set<string> | null }
  | { kind: "user"; login: string; permissions: FakePermissions; repositories: Set<string> | null };

export type AuthResult = { ok: true; principal: Principal } | { ok: false; message: string };

export const DEFAULT_PERMISSIONS: FakePermissions = {
  metadata: "read",
  contents: "read",
  members: "read",
  actions: "read",
  checks: "read",
};

export class FakeAuth {
  private readonly installationTokens = new Map<string, { installationId: number; expiresAt: number }>();
  private readonly publicKey: KeyObject | null;

  constructor(
    readonly tokens: Record<string, FakeTokenSpec>,
    readonly app: FakeAppSpec | undefined,
  ) {
    const pem = app?.publicKey ?? app?.privateKey;
    this.publicKey = pem ? createPublicKey(pem) : null;
  }

  installation(id: number): FakeInstallationSpec | undefined {
    return this.app?.installations.find((i) => i.id === id);
  }

  mintInstallationToken(installationId: number): { token: string; expiresAt: string } {
    const token = `ghs_${randomBytes(18).toString("base64url")}`;
    // Token lifetimes are real time: the auth strategy decides about refreshing with Date.now().
    const expiresAt = Date.now() + 60 * 60 * 1000;
    this.installationTokens.set(token, { installationId, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString().replace(/\.\d+Z$/, "Z") };
  }

  /** Revokes every installation token, as a key rotation or uninstall would. */
  revokeInstallationTokens(): void {
    this.installationTokens.clear();
  }

  authenticate(authorization: string | undefined): AuthResult | null {
    if (!authorization) return null;
    const match = /^(token|bearer)\s+(\S+)$/i.exec(authorization.trim());
    if (!match) return { ok: false, message: "Bad credentials" };
    const credential = match[2] as string;
    if (credential.split(".").length === 3 && this.app) return this.verifyJwt(credential);
    const pat = this.tokens[credential];
    if (pat) {
      return {
        ok: true,
        principal: {
          kind: "user",
          login: pat.login,
          permissions: pat.permissions ?? DEFAULT_PERMISSIONS,
          repositories: pat.repositories ? new Set(pat.repositories.map((r) => r.toLowerCase())) : null,
        },
      };
    }
    const minted = this.installationTokens.get(credential);
    if (minted && minted.expiresAt > Date.now()) {
      const spec = this.installation(minted.installationId);
      if (!spec) return { ok: false, message: "Bad credentials" };
      const selected =
        spec.repositorySelection === "selected" ? new Set((spec.repositories ?? []).map((r) => r.toLowerCase())) : null;
      return {
        ok: true,
        principal: {
          kind: "installation",
          installationId: spec.id,
          permissions: spec.permissions ?? DEFAULT_PERMISSIONS,
          repositories: selected,
        },
      };
    }
    return { ok: false, message: "Bad credentials" };
  }

  private verifyJwt(jwt: string): AuthResult {
    const [header, payload, signature] = jwt.split(".") as [string, string, string];
    const decoded = (() => {
      try {
        return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown; exp?: unknown };
      } catch {
        return null;
      }
    })();
    const valid =
      this.publicKey !== null &&
      decoded !== null &&
      verify("RSA-SHA256", Buffer.from(`${header}.${payload}`), this.publicKey, Buffer.from(signature, "base64url"));
    if (!valid) return { ok: false, message: "A JSON web token could not be decoded" };
    if (String(decoded.iss) !== String(this.app?.id))
      return { ok: false, message: "'Issuer' claim ('iss') must be an Integer" };
    if (typeof decoded.exp !== "number" || decoded.exp * 1000 < Date.now()) {
      return {
        ok: false,
        message:
          "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      };
    }
    return { ok: true, principal: { kind: "app", appId: this.app?.id ?? 0 } };
  }
}

const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };

export function hasPermission(principal: Principal, permission: string, level: "read" | "write" = "read"): boolean {
  if (principal.kind === "app") return false;
  const granted = principal.permissions[permission];
  return granted !== undefined && (LEVELS[granted] ?? 0) >= (LEVELS[level] ?? 1);
}

export function canSeeRepository(principal: Principal, name: string): boolean {
  if (principal.kind === "app") return false;
  return principal.repositories === null || principal.repositories.has(name.toLowerCase());
}
