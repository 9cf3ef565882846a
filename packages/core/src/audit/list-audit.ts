import type { TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";

export type AuditPage = {
  items: Array<{
    id: string;
    action: string;
    actorEmail: string | null;
    target: string | null;
    data: unknown;
    createdAt: Date;
  }>;
  nextCursor: string | null;
};

/** Newest first; the cursor is the id of the last row of the previous page. */
export async function listAudit(
  db: TenantDb,
  by: Principal,
  { limit = 50, cursor, action }: { limit?: number; cursor?: string | null; action?: string },
): Promise<AuditPage> {
  authorize(by, "audit.read");
  const rows = await db.auditLog.findMany({
    where: action ? { action } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, action: true, actorEmail: true, target: true, data: true, createdAt: true },
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
