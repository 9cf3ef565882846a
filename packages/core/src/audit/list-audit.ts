import type { TenantDb } from "@stagedoor/db";
import { authorize, type Principal } from "../authz";
import { describeAuditEvent } from "./describe-audit";
import { resolveHistoryFrom } from "../billing/plan-capabilities";

export type AuditItem = {
  id: string;
  action: string;
  actorEmail: string | null;
  target: string | null;
  data: unknown;
  createdAt: Date;
  /** The event in plain words, see describe-audit.ts. */
  summary: string;
};

export type AuditPage = { items: AuditItem[]; nextCursor: string | null };

export type AuditFilter = {
  action?: string;
  /** Actor's email, exact (case-insensitive); "system" matches rows without an actor. */
  actor?: string;
  /** Inclusive bounds on createdAt. */
  from?: Date;
  to?: Date;
};

function whereFor({ action, actor, from, to }: AuditFilter) {
  return {
    ...(action ? { action } : {}),
    ...(actor
      ? actor === "system"
        ? { actorEmail: null }
        : { actorEmail: { equals: actor, mode: "insensitive" as const } }
      : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
}

/** Newest first; the cursor is the id of the last row of the previous page. */
export async function listAudit(
  db: TenantDb,
  by: Principal,
  { limit = 50, cursor, ...filter }: { limit?: number; cursor?: string | null } & AuditFilter,
): Promise<AuditPage> {
  authorize(by, "audit.read");
  // The plan's history bounds the view (older rows stay; an earlier `from` is refused).
  const from = await resolveHistoryFrom(db, db.orgId, filter.from);
  const rows = await db.auditLog.findMany({
    where: whereFor({ ...filter, from }),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, action: true, actorEmail: true, target: true, data: true, createdAt: true },
  });
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map((r) => ({ ...r, summary: describeAuditEvent(r) }));
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Distinct actors and actions of this org's log, for the filter pickers. */
export async function auditFilterOptions(db: TenantDb, by: Principal) {
  authorize(by, "audit.read");
  const [actors, actions] = await Promise.all([
    db.auditLog.findMany({ distinct: ["actorEmail"], select: { actorEmail: true }, orderBy: { actorEmail: "asc" } }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    actors: actors.map((a) => a.actorEmail ?? "system"),
    actions: actions.map((a) => a.action),
  };
}
