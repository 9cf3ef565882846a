import { Prisma, type Database } from "@stagedoor/db";
import type { InsightsWritePayload } from "./events";
import { writerLock } from "./org-lock";

/** One raw event as stored (columns of "InsightsEvent"). */
export type InsightsRow = {
  at: Date;
  type: string;
  source: "web" | "cli" | "api";
  userId: string;
  tokenId: string | null;
  plugin: string | null;
  page: string | null;
  entityRef: string | null;
  entityKind: string | null;
  entityOwner: string | null;
  entitySystem: string | null;
  query: string | null;
  resultCount: number | null;
  clicked: string | null;
  milestone: string | null;
};

const lower = (v: string | null | undefined) => (v ? v.toLowerCase() : null);

/** The stored form of a queued batch: times from the server's clock minus each event's age. */
export function toRows(payload: InsightsWritePayload): InsightsRow[] {
  return payload.events.map((e) => {
    const row: InsightsRow = {
      at: new Date(payload.receivedAt - e.ageMs),
      type: e.type,
      source: "web",
      userId: payload.userId,
      tokenId: null,
      plugin: null,
      page: null,
      entityRef: null,
      entityKind: null,
      entityOwner: null,
      entitySystem: null,
      query: null,
      resultCount: null,
      clicked: null,
      milestone: null,
    };
    switch (e.type) {
      case "page_view":
        return {
          ...row,
          plugin: e.plugin,
          page: e.page,
          entityRef: lower(e.entity?.ref),
          entityKind: lower(e.entity?.kind),
          entityOwner: lower(e.entity?.owner),
          entitySystem: lower(e.entity?.system),
        };
      case "search":
        // Queries are grouped case- and space-insensitively ("Payments " and "payments").
        return {
          ...row,
          query: e.query.toLowerCase().replace(/\s+/g, " "),
          resultCount: e.resultCount,
          clicked: lower(e.clicked),
        };
      case "milestone":
        return { ...row, milestone: e.milestone };
      case "api_call":
        return { ...row, source: e.client, tokenId: e.tokenId, page: e.page, plugin: "api" };
    }
  });
}

// "InsightsEvent" timestamps are UTC without a zone, like every TIMESTAMP(3) column Prisma writes.
const utc = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

// Months whose partition this process has made sure of (a restart asks again, which is cheap).
const ensuredMonths = new Set<string>();

/**
 * Appends a batch with one multi-row INSERT (arrays unnested server-side: one statement
 * and one round trip for the whole batch, whatever its size) through the org-bound
 * connection, so RLS checks every row's org. Marks the days it touched for the rollup job
 * in the same transaction, so a day is never written without being marked.
 */
export async function writeInsightsEvents(db: Database, orgId: string, rows: readonly InsightsRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const tenant = db.forOrg(orgId);
  const days = [...new Set(rows.map((r) => dayOf(r.at)))];
  const months = [...new Set(days.map((d) => d.slice(0, 7)))].filter((m) => !ensuredMonths.has(m));
  const col = <K extends keyof InsightsRow>(key: K) => rows.map((r) => r[key]);
  await tenant.sql(async (q) => {
    await q(writerLock(orgId));
    for (const month of months) await q(Prisma.sql`SELECT insights_ensure_month(${`${month}-01`}::date)`);
    await q(Prisma.sql`
      INSERT INTO "InsightsEvent" ("orgId", "at", "type", "source", "userId", "tokenId", "plugin", "page",
        "entityRef", "entityKind", "entityOwner", "entitySystem", "query", "resultCount", "clicked", "milestone")
      SELECT ${orgId}, * FROM unnest(
        ${rows.map((r) => utc(r.at))}::timestamp(3)[], ${col("type")}::text[], ${col("source")}::text[],
        ${col("userId")}::text[], ${col("tokenId")}::text[], ${col("plugin")}::text[], ${col("page")}::text[],
        ${col("entityRef")}::text[], ${col("entityKind")}::text[], ${col("entityOwner")}::text[],
        ${col("entitySystem")}::text[], ${col("query")}::text[], ${col("resultCount")}::int[],
        ${col("clicked")}::text[], ${col("milestone")}::text[])`);
    await q(Prisma.sql`
      INSERT INTO "InsightsDirtyDay" ("orgId", "day")
      SELECT ${orgId}, d FROM unnest(${days}::date[]) d
      ON CONFLICT DO NOTHING`);
  });
  for (const month of months) ensuredMonths.add(month);
  return rows.length;
}
