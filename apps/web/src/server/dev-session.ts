import "server-only";
import { createDevSession as createSession } from "@stagedoor/core";
import { db } from "./db";

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

/** Same cookie Auth.js reads for database sessions (it prefixes __Secure- on https). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/**
 * The development sign-in (only reachable when AUTH_DEV_SIGN_IN is on, never in
 * production): core creates the user and a database session like an OAuth sign-in would.
 */
export async function createDevSession(email: string, name?: string) {
  return createSession(db(), { email, name, maxAgeSeconds: SESSION_MAX_AGE_S });
}
