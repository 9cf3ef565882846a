import { randomBytes } from "node:crypto";
import type { Database } from "@stagedoor/db";

/**
 * A database session exactly like an Auth.js sign-in makes (the same User and Session
 * rows; the web app sets Auth.js's session cookie to the token), for sign-ins that do
 * not run through Auth.js: the development sign-in and SAML. The user is found or made by
 * email, as Auth.js links org-IdP sign-ins (see checkSsoSignIn for why that is safe).
 * `ssoOrgId`: the org whose IdP signed the person in ("require SSO" accepts only those).
 * Users and sessions are global, hence the admin client.
 */
export async function createUserSession(
  db: Database,
  input: { email: string; name?: string; maxAgeSeconds: number; ssoOrgId?: string },
): Promise<{ sessionToken: string; expires: Date; userId: string; email: string }> {
  const email = input.email.trim().toLowerCase();
  const user = await db.admin.user.upsert({
    where: { email },
    create: { email, name: input.name?.trim() || email.split("@")[0] },
    update: {},
  });
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + input.maxAgeSeconds * 1000);
  await db.admin.session.create({
    data: { sessionToken, userId: user.id, expires, ssoOrgId: input.ssoOrgId ?? null },
  });
  return { sessionToken, expires, userId: user.id, email };
}

/**
 * The development sign-in: email only, no password. The web app only calls it when
 * AUTH_DEV_SIGN_IN is on (never in production); everything downstream is the real path.
 */
export async function createDevSession(
  db: Database,
  input: { email: string; name?: string; maxAgeSeconds: number },
): Promise<{ sessionToken: string; expires: Date }> {
  const { sessionToken, expires } = await createUserSession(db, input);
  return { sessionToken, expires };
}
