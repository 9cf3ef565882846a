import { describe, it, expect } from "vitest";
import { authTrustHost, parseEnv } from "./env";

const base = {
  DATABASE_URL: "postgresql://u@localhost:5432/db",
  REDIS_URL: "redis://localhost:6379",
  AUTH_SECRET: "x".repeat(32),
  SECRETS_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
};

describe("web env", () => {
  it("parses a minimal configuration with defaults", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ APP_ENV: "development", AUTH_DEV_SIGN_IN: false, QUEUE_PREFIX: "stagedoor" });
  });

  it("names each missing or malformed variable", () => {
    expect(() => parseEnv({ REDIS_URL: "http://nope", AUTH_SECRET: "short" })).toThrowError(
      /DATABASE_URL is required but not set[\s\S]*REDIS_URL must be a redis:\/\/[\s\S]*AUTH_SECRET must be at least 32/,
    );
  });

  it("wants a well-formed secrets keyring", () => {
    expect(() => parseEnv({ ...base, SECRETS_KEYS: "not-a-key" })).toThrowError(/SECRETS_KEYS must be a keyring/);
    expect(() => parseEnv({ ...base, SECRETS_KEYS: undefined })).toThrowError(/SECRETS_KEYS is required but not set/);
  });

  it("refuses the development sign-in in production", () => {
    expect(() => parseEnv({ ...base, APP_ENV: "production", AUTH_DEV_SIGN_IN: "true" })).toThrowError(
      /AUTH_DEV_SIGN_IN must not be enabled/,
    );
    expect(parseEnv({ ...base, APP_ENV: "demo", AUTH_DEV_SIGN_IN: "true" }).AUTH_DEV_SIGN_IN).toBe(true);
  });

  it("wants OAuth ids and secrets in pairs, and an issuer for OIDC", () => {
    expect(() => parseEnv({ ...base, AUTH_GITHUB_ID: "id" })).toThrowError(
      /AUTH_GITHUB_SECRET is required when AUTH_GITHUB_ID is set/,
    );
    expect(() => parseEnv({ ...base, AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "s" })).toThrowError(
      /AUTH_OIDC_ISSUER is required/,
    );
    expect(parseEnv({ ...base, AUTH_GOOGLE_ID: "id", AUTH_GOOGLE_SECRET: "s" }).AUTH_GOOGLE_ID).toBe("id");
  });
});

describe("web env: sign-in URLs", () => {
  it("requires AUTH_URL in production, as an http(s) URL", () => {
    expect(() => parseEnv({ ...base, APP_ENV: "production" })).toThrowError(
      /AUTH_URL is required when APP_ENV=production/,
    );
    expect(() => parseEnv({ ...base, APP_ENV: "production", AUTH_URL: "portal.example.com" })).toThrowError(
      /AUTH_URL must be the site's public http\(s\) URL/,
    );
    expect(() => parseEnv({ ...base, APP_ENV: "production", AUTH_URL: "javascript:alert(1)" })).toThrowError(
      /AUTH_URL must be/,
    );
    expect(parseEnv({ ...base, APP_ENV: "production", AUTH_URL: "https://portal.example.com" }).AUTH_URL).toBe(
      "https://portal.example.com",
    );
    expect(parseEnv({ ...base, APP_ENV: "demo" }).AUTH_URL).toBeUndefined();
  });

  it("trusts the Host header only when AUTH_TRUST_HOST says so, or when AUTH_URL fixes the origin", () => {
    expect(authTrustHost(parseEnv(base))).toBe(false);
    expect(authTrustHost(parseEnv({ ...base, AUTH_TRUST_HOST: "false" }))).toBe(false);
    expect(authTrustHost(parseEnv({ ...base, AUTH_TRUST_HOST: "true" }))).toBe(true);
    expect(authTrustHost(parseEnv({ ...base, AUTH_TRUST_HOST: "1" }))).toBe(true);
    expect(authTrustHost(parseEnv({ ...base, AUTH_URL: "https://portal.example.com" }))).toBe(true);
    expect(() => parseEnv({ ...base, AUTH_TRUST_HOST: "yes" })).toThrowError(/AUTH_TRUST_HOST/);
  });
});
