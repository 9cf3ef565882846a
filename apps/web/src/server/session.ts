import "server-only";
import type { SessionUser } from "@stagedoor/api";
import { auth } from "./auth";

export async function sessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { userId: user.id, email: user.email, name: user.name ?? null };
}
