import type { Database, TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { authorize, type UserPrincipal } from "../authz";
import type { SessionFacts } from "./session-policy";
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from "../limits";

// lastSeenAt feeds idle timeouts measured in minutes: one write a minute per session is enough.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The facts about a database session the org policies need, touching lastSeenAt (at most
 * once a minute). Sessions are global (Auth.js tables), so this reads as admin, by the
 * secret session token only.
 */
export async function readSessionFacts(
  db: Database,
  sessionToken: string,
  now = new Date(),
): Promise<SessionFacts | null> {
  const row = await db.admin.session.findUnique({
    where: { sessionToken },
    select: { ssoOrgId: true, createdAt: true, lastSeenAt: true, expires: true },
  });
  if (!row || row.expires <= now) return null;
  const facts = { ssoOrgId: row.ssoOrgId, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt };
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await db.admin.session.updateMany({ where: { sessionToken }, data: { lastSeenAt: now } });
  }
  return facts;
}

/** "Sign out everywhere": every session of the user ends (this one included). */
export async function signOutEverywhere(db: Database, userId: string): Promise<{ sessions: number }> {
  const { count } = await db.admin.session.deleteMany({ where: { userId } });
  return { sessions: count };
}

export async function setSessionTimeouts(
  db: TenantDb,
  actor: UserPrincipal,
  input: { idleMinutes: number | null; maxMinutes: number | null },
): Promise<void> {
  authorize(actor, "sso.manage");
  for (const [field, value] of Object.entries(input)) {
    if (value !== null && (!Number.isInteger(value) || value < MIN_SESSION_MINUTES || value > MAX_SESSION_MINUTES)) {
      throw new AppError("BAD_REQUEST", `Use ${MIN_SESSION_MINUTES} to ${MAX_SESSION_MINUTES} minutes, or no limit.`, {
        [field]: "Out of range.",
      });
    }
  }
  await db.transaction(async (tx) => {
    await tx.organization.update({
      where: { id: db.orgId },
      data: { sessionIdleMinutes: input.idleMinutes, sessionMaxMinutes: input.maxMinutes },
    });
    await recordAudit(tx, {
      orgId: db.orgId,
      actor,
      action: "sso.sessions_changed",
      data: { idleMinutes: input.idleMinutes, maxMinutes: input.maxMinutes },
    });
  });
}
