import type { Database } from "@stagedoor/db";

/**
 * Remembers the GitHub login a user signed in with, so "mine" can match them to their
 * catalog User by its github.com/user-login annotation (home/member-identity). Users are
 * global, hence the admin client; an empty or non-string login changes nothing.
 */
export async function recordGitHubLogin(db: Database, userId: string, login: unknown): Promise<void> {
  if (typeof login !== "string" || !login) return;
  await db.admin.user.update({ where: { id: userId }, data: { githubLogin: login } });
}
