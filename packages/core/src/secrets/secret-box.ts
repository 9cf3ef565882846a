import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Encryption keys by id; new secrets are sealed with the active one, any listed key can open. */
export type Keyring = { activeKeyId: string; keys: Record<string, Buffer> };

export type SecretBoxErrorCode = "invalid-keyring" | "malformed" | "unknown-key" | "tampered";

/** Never carries key material or plaintext in its message. */
export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type SealOptions = {
  /**
   * Binds the ciphertext to where it is stored (e.g. `org:<id>/integration:<id>/token`) as
   * additional authenticated data: a ciphertext copied to another row or tenant will not open.
   */
  context?: string;
};

export type SecretBox = {
  encrypt(plaintext: string, options?: SealOptions): string;
  decrypt(ciphertext: string, options?: SealOptions): string;
  /** True when the ciphertext was sealed with a key other than the active one. */
  needsRotation(ciphertext: string): boolean;
  /** Re-seals with the active key (a no-op re-encryption when it already is). */
  rotate(ciphertext: string, options?: SealOptions): string;
};

const VERSION = "v1";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Parses "k2:<base64>,k1:<base64>": 32-byte AES-256 keys, the first one active. Keys can be
 * given in standard or URL-safe base64.
 */
export function parseKeyring(spec: string): Keyring {
  const keys: Record<string, Buffer> = {};
  let activeKeyId: string | undefined;
  const entries = spec
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0)
    throw new SecretBoxError("invalid-keyring", "The keyring is empty; expected id:base64key[,id:base64key...].");
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(":");
    const id = separator > 0 ? entry.slice(0, separator) : "";
    if (!KEY_ID.test(id))
      throw new SecretBoxError(
        "invalid-keyring",
        `Keyring entry ${index + 1} has no valid key id (letters, digits, - and _; up to 32).`,
      );
    if (keys[id]) throw new SecretBoxError("invalid-keyring", `Key id "${id}" appears twice in the keyring.`);
    const encoded = entry.slice(separator + 1);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)
      ? Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64")
      : Buffer.alloc(0);
    if (key.length !== 32)
      throw new SecretBoxError(
        "invalid-keyring",
        `Key "${id}" must be 32 bytes of base64 (e.g. openssl rand -base64 32).`,
      );
    keys[id] = key;
    activeKeyId ??= id;
  }
  return { activeKeyId: activeKeyId as string, keys };
}

/**
 * AES-256-GCM with a random 96-bit IV per secret. Format: `v1.<kid>.<iv>.<tag>.<data>`
 * (base64url parts); the version, key id and optional context are authenticated too.
 */
export function createSecretBox(keyring: Keyring): SecretBox {
  validateKeyring(keyring);
  const keyFor = (kid: string) => {
    const key = Object.hasOwn(keyring.keys, kid) ? keyring.keys[kid] : undefined;
    if (!key)
      throw new SecretBoxError(
        "unknown-key",
        `The secret was encrypted with key "${kid}", which is not in the keyring.`,
      );
    return key;
  };

  const encrypt = (plaintext: string, options: SealOptions = {}) => {
    const kid = keyring.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", keyFor(kid), iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(kid, options.context));
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [
      VERSION,
      kid,
      iv.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
      data.toString("base64url"),
    ].join(".");
  };

  const decrypt = (ciphertext: string, options: SealOptions = {}) => {
    const { kid, iv, tag, data } = parse(ciphertext);
    const decipher = createDecipheriv("aes-256-gcm", keyFor(kid), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(kid, options.context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretBoxError(
        "tampered",
        "The secret failed authentication: it was altered, or it belongs to another record.",
      );
    }
  };

  return {
    encrypt,
    decrypt,
    needsRotation: (ciphertext) => parse(ciphertext).kid !== keyring.activeKeyId,
    rotate: (ciphertext, options) => encrypt(decrypt(ciphertext, options), options),
  };
}

function parse(ciphertext: string): { kid: string; iv: Buffer; tag: Buffer; data: Buffer } {
  const parts = ciphertext.split(".");
  const [version, kid, iv, tag, data] = parts;
  const wellFormed =
    parts.length === 5 &&
    version === VERSION &&
    KEY_ID.test(kid ?? "") &&
    [iv, tag, data].every((p) => p !== undefined && B64URL.test(p));
  if (!wellFormed) throw new SecretBoxError("malformed", "This is not a v1 secret-box ciphertext.");
  const ivBytes = Buffer.from(iv as string, "base64url");
  const tagBytes = Buffer.from(tag as string, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES)
    throw new SecretBoxError("malformed", "The ciphertext's IV or tag has the wrong length.");
  return { kid: kid as string, iv: ivBytes, tag: tagBytes, data: Buffer.from(data as string, "base64url") };
}

function aad(kid: string, context: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${kid}.${context ?? ""}`, "utf8");
}

function validateKeyring(keyring: Keyring): void {
  const ids = Object.keys(keyring.keys);
  if (ids.length === 0) throw new SecretBoxError("invalid-keyring", "The keyring has no keys.");
  for (const id of ids) {
    if (!KEY_ID.test(id)) throw new SecretBoxError("invalid-keyring", `Key id "${id.slice(0, 32)}" is not valid.`);
    if (keyring.keys[id]?.length !== 32) throw new SecretBoxError("invalid-keyring", `Key "${id}" must be 32 bytes.`);
  }
  if (!Object.hasOwn(keyring.keys, keyring.activeKeyId))
    throw new SecretBoxError("invalid-keyring", `The active key "${keyring.activeKeyId}" is not in the keyring.`);
}
