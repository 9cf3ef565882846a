import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, parseKeyring, SecretBoxError } from "./secret-box";

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const spec = (...entries: Array<[string, Buffer]>) =>
  entries.map(([id, key]) => `${id}:${key.toString("base64")}`).join(",");

describe("secret box", () => {
  it("round-trips secrets and never produces the same ciphertext twice", () => {
    const box = createSecretBox(parseKeyring(spec(["k1", k1])));
    const secret = "ghp_example-token-ünïcode";
    const a = box.encrypt(secret);
    const b = box.encrypt(secret);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain(Buffer.from(secret).toString("base64url"));
    expect(box.decrypt(a)).toBe(secret);
    expect(box.decrypt(box.encrypt(""))).toBe("");
  });

  it("decrypts with whichever key the ciphertext names, so keys can rotate", () => {
    const old = createSecretBox(parseKeyring(spec(["k1", k1])));
    const sealed = old.encrypt("s3cret");
    const rotated = createSecretBox(parseKeyring(spec(["k2", k2], ["k1", k1])));
    expect(rotated.decrypt(sealed)).toBe("s3cret");
    expect(rotated.needsRotation(sealed)).toBe(true);
    const resealed = rotated.rotate(sealed);
    expect(resealed.startsWith("v1.k2.")).toBe(true);
    expect(rotated.needsRotation(resealed)).toBe(false);
    expect(rotated.decrypt(resealed)).toBe("s3cret");
    // Once k1 is retired, its ciphertexts no longer open: they must be rotated first.
    const retired = createSecretBox(parseKeyring(spec(["k2", k2])));
    expect(() => retired.decrypt(sealed)).toThrowError(expect.objectContaining({ code: "unknown-key" }));
  });

  it("detects tampering with any part of the ciphertext", () => {
    const box = createSecretBox(parseKeyring(spec(["k1", k1], ["k2", k2])));
    const sealed = box.encrypt("value");
    const [version, kid, iv, tag, data] = sealed.split(".") as [string, string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] = (bytes[0] as number) ^ 1;
      return bytes.toString("base64url");
    };
    for (const forged of [
      [version, kid, flip(iv), tag, data],
      [version, kid, iv, flip(tag), data],
      [version, kid, iv, tag, flip(data)],
      [version, "k2", iv, tag, data],
    ]) {
      expect(() => box.decrypt(forged.join("."))).toThrowError(
        expect.objectContaining({ name: "SecretBoxError", code: "tampered" }),
      );
    }
  });

  it("binds a ciphertext to its context so it cannot be moved to another record", () => {
    const box = createSecretBox(parseKeyring(spec(["k1", k1])));
    const sealed = box.encrypt("token", { context: "org:a/integration:1" });
    expect(box.decrypt(sealed, { context: "org:a/integration:1" })).toBe("token");
    expect(() => box.decrypt(sealed, { context: "org:b/integration:1" })).toThrowError(
      expect.objectContaining({ code: "tampered" }),
    );
    expect(() => box.decrypt(sealed)).toThrowError(expect.objectContaining({ code: "tampered" }));
  });

  it("refuses malformed ciphertexts", () => {
    const box = createSecretBox(parseKeyring(spec(["k1", k1])));
    for (const bad of [
      "",
      "plaintext",
      "v2.k1.a.b.c",
      "v1.k1.short.tag.data",
      "v1.k 1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA",
      "v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.A+A",
    ]) {
      expect(() => box.decrypt(bad)).toThrowError(expect.objectContaining({ code: "malformed" }));
      expect(() => box.needsRotation(bad)).toThrow(SecretBoxError);
    }
  });

  it("parses keyrings strictly and keeps key material out of error messages", () => {
    const ring = parseKeyring(` k2:${k2.toString("base64url")} , k1:${k1.toString("base64")} `);
    expect(ring.activeKeyId).toBe("k2");
    expect(ring.keys.k1?.equals(k1)).toBe(true);
    expect(ring.keys.k2?.equals(k2)).toBe(true);
    const short = randomBytes(16).toString("base64");
    for (const [input, why] of [
      ["", /empty/],
      [`k1${k1.toString("base64")}`, /key id/],
      [`k1:${short}`, /32 bytes/],
      [`k1:${k1.toString("base64")},k1:${k2.toString("base64")}`, /twice/],
      ["k1:not base64!", /32 bytes/],
    ] as const) {
      const error = (() => {
        try {
          parseKeyring(input);
        } catch (e) {
          return e as SecretBoxError;
        }
      })();
      expect(error?.code).toBe("invalid-keyring");
      expect(error?.message).toMatch(why);
      expect(error?.message).not.toContain(short);
      expect(error?.message).not.toContain(k1.toString("base64"));
    }
    expect(() => createSecretBox({ activeKeyId: "k9", keys: { k1 } })).toThrowError(/active key/);
    expect(() => createSecretBox({ activeKeyId: "k1", keys: { k1: randomBytes(31) } })).toThrowError(/32 bytes/);
  });
});
