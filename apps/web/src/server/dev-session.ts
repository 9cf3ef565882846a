import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./db";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** Same cookie Auth.js reads for database sessions (it prefixes __Secure- on https). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The development sign-in: email only, no password. Creates the user if needed and a
 * database session exactly like an OAuth sign-in would, so everything downstream is the
 * real Auth.js path. Only reachable when AUTH_DEV_SIGN_IN is on (never in production).
 */
export async function createDevSession(email: string, name?: string) {
  const normalized = email.trim().toLowerCase();
  const user = await db().admin.user.upsert({
    where: { email: normalized },
    create: { email: normalized, name: name?.trim() || normalized.split("@")[0] },
    update: {},
  });
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_S * 1000);
  await db().admin.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { sessionToken, expires };
}
