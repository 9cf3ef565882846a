import { describe, it, expect } from "vitest";
import { parseEnv } from "./env";

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
