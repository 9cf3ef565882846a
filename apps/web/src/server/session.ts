import "server-only";
import { cookies } from "next/headers";
import { readSessionFacts } from "@stagedoor/core";
import type { SessionUser } from "@stagedoor/api";
import { auth } from "./auth";
import { db } from "./db";
import { sessionCookieName } from "./dev-session";

export async function sessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  // Which IdP made the session and when: org SSO policy and timeouts read them.
  const jar = await cookies();
  const token = jar.get(sessionCookieName(true))?.value ?? jar.get(sessionCookieName(false))?.value;
  const facts = token ? await readSessionFacts(db(), token) : null;
  return { userId: user.id, email: user.email, name: user.name ?? null, session: facts };
}
