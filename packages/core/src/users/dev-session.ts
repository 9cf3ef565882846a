import { randomBytes } from "node:crypto";
import type { Database } from "@stagedoor/db";

/**
 * The development sign-in: email only, no password. Creates the user if needed and a
 * database session exactly like an OAuth sign-in would, so everything downstream is the
 * real Auth.js path. The web app only calls it when AUTH_DEV_SIGN_IN is on (never in
 * production). Users and sessions are global, hence the admin client.
 */
export async function createDevSession(
  db: Database,
  input: { email: string; name?: string; maxAgeSeconds: number },
): Promise<{ sessionToken: string; expires: Date }> {
  const email = input.email.trim().toLowerCase();
  const user = await db.admin.user.upsert({
    where: { email },
    create: { email, name: input.name?.trim() || email.split("@")[0] },
    update: {},
  });
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + input.maxAgeSeconds * 1000);
  await db.admin.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { sessionToken, expires };
}
