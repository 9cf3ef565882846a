import type { Database } from "@stagedoor/db";
import { authorize } from "../authz";
import { AppError } from "../errors";
import { resolveOrgAccess } from "../orgs/resolve-org-access";
import { sessionOrgContext, type SessionFacts } from "../sso";
import { insightsBatchSchema } from "./events";
import type { InsightsQueue } from "./queue";

export type AcceptedBatch = { status: "queued" | "dropped"; events: number };

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
  const access = await resolveOrgAccess(db, parsed.data.org, input.userId);
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
