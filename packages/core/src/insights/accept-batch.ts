import type { Database } from "@stagedoor/db";
import { authorize } from "../authz";
import { AppError } from "../errors";
import { resolveOrgAccess } from "../orgs/resolve-org-access";
import { sessionOrgContext, type SessionFacts } from "../sso";
import { insightsBatchSchema } from "./events";
import type { InsightsQueue } from "./queue";

export type AcceptedBatch = { status: "queued" | "dropped"; events: number };

// Memberships the route has checked lately: a member's browser sends a batch every few
// seconds, and the lookup would be most of the route's time. Only successes are kept, for
// a few seconds, so a removed member's events stop within that time.
const MEMBERSHIP_TTL_MS = 10_000;
const MEMBERSHIP_CACHE_SIZE = 10_000;
const memberships = new Map<string, { access: Awaited<ReturnType<typeof resolveOrgAccess>>; until: number }>();

async function cachedAccess(db: Database, slug: string, userId: string, now: number) {
  const key = `${userId} ${slug}`;
  const hit = memberships.get(key);
  if (hit && hit.until > now) return hit.access;
  const access = await resolveOrgAccess(db, slug, userId);
  if (memberships.size >= MEMBERSHIP_CACHE_SIZE) memberships.delete(memberships.keys().next().value!);
  memberships.set(key, { access, until: now + MEMBERSHIP_TTL_MS });
  return access;
}

/**
 * A browser's batch: validated whole (one bad event refuses the batch, nothing is queued),
 * the org named by slug accepted only if the signed-in user is a member (else NOT_FOUND,
 * as everywhere), and the user taken from the session, never from the body. The batch is
 * queued as one job, or dropped and counted when the worker is too far behind.
 */
export async function acceptInsightsBatch(
  db: Database,
  queue: InsightsQueue,
  input: { userId: string; email: string; session: SessionFacts | null; body: unknown; receivedAt: number },
): Promise<AcceptedBatch> {
  const parsed = insightsBatchSchema.safeParse(input.body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
      .join("; ");
    throw new AppError("BAD_REQUEST", `Refused the whole batch, nothing was recorded. ${issues}`);
  }
  const access = await cachedAccess(db, parsed.data.org, input.userId, Date.now());
  authorize(
    { type: "user", userId: input.userId, email: input.email, role: access.role },
    "org.read",
    sessionOrgContext(access.rules, input.session),
  );
  const status = await queue.enqueue({
    orgId: access.org.id,
    userId: input.userId,
    receivedAt: input.receivedAt,
    events: parsed.data.events,
  });
  return { status, events: parsed.data.events.length };
}
