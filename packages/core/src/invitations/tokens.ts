import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, URL-safe. Only the hash is stored, so a database leak reveals no live links. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
