import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { normaliseFilter, whereClause, type EntityQuery } from "./entity-filter";
import { summaryScope, summaryTotal } from "./facet-summary";
import {
  ENTITIES,
  SORT_COLUMNS,
  STORED_COLUMNS,
  SUMMARY_COLUMNS,
  toStored,
  type EntitySummary,
  type StoredEntity,
  type StoredRow,
} from "./entity-rows";
import {
  afterPosition,
  decodeCursor,
  encodeCursor,
  orderBy,
  positionOf,
  type EntitySort,
  type SortDirection,
} from "./keyset-cursor";
import { authorize, type Principal } from "../authz";

export type ListEntitiesInput = EntityQuery & {
  sort?: EntitySort;
  direction?: SortDirection;
  /** 1-500, default 50. */
  limit?: number;
  /** From a previous page's nextCursor or prevCursor. */
  cursor?: string | null;
  /** Skip rows instead of following a cursor (Backstage's offset paging). */
  offset?: number;
  /** Count matching rows (one more query; off when the caller already knows). */
  withTotal?: boolean;
};

export type EntityPage<T> = {
  items: T[];
  /** Rows matching the query, across all pages; null when not asked for. */
  totalItems: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
};

export const MAX_PAGE_SIZE = 500;

type SortKeys = { ref: string; sortName: string; sortKind: string; updatedAt: Date };

/** A page of entity summaries: filters, full-text search, sort and keyset pagination. */
export function listEntities(
  db: TenantDb,
  by: Principal,
  input: ListEntitiesInput = {},
): Promise<EntityPage<EntitySummary>> {
  authorize(by, "catalog.read");
  return page<EntitySummary & SortKeys, EntitySummary>(db, input, SUMMARY_COLUMNS, (row) => {
    const { sortName: _n, sortKind: _k, ...summary } = row;
    return summary;
  });
}

/** The same page with whole stored entities and their relations, for the Backstage API. */
export function listStoredEntities(
  db: TenantDb,
  by: Principal,
  input: ListEntitiesInput = {},
): Promise<EntityPage<StoredEntity>> {
  authorize(by, "catalog.read");
  return page<StoredRow & SortKeys, StoredEntity>(db, input, Prisma.sql`${STORED_COLUMNS}, e."updatedAt"`, toStored);
}

async function page<Row extends SortKeys, Item>(
  db: TenantDb,
  input: ListEntitiesInput,
  columns: Prisma.Sql,
  toItem: (row: Row) => Item,
): Promise<EntityPage<Item>> {
  const sort = input.sort ?? "name";
  const direction = input.direction ?? "asc";
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError("BAD_REQUEST", `Ask for 1-${MAX_PAGE_SIZE} entities per page.`, { limit: "Out of range." });
  }
  const position = input.cursor ? decodeCursor(input.cursor, sort, direction) : null;
  const back = position?.back ?? false;
  const where = whereClause(db.orgId, input);
  const conditions = position ? Prisma.sql`${where} AND ${afterPosition(position)}` : where;
  const offset = !position && input.offset ? Prisma.sql`OFFSET ${input.offset}` : Prisma.empty;

  const pageQuery = Prisma.sql`
    SELECT ${columns}, ${SORT_COLUMNS} FROM ${ENTITIES} e WHERE ${conditions}
    ORDER BY ${orderBy(sort, direction, back)} LIMIT ${limit + 1} ${offset}`;
  const countQuery = Prisma.sql`SELECT count(*)::int AS n FROM ${ENTITIES} e WHERE ${where}`;
  const scope = input.withTotal === false ? null : summaryScope(input, normaliseFilter);
  const [rows, total] = scope
    ? await db.sql(async (q) => [await q<Row>(pageQuery), await summaryTotal(q, db.orgId, scope)] as const)
    : // A real count (full-text search, other filters) reads every match: it runs beside the
      // page on a second connection rather than after it.
      await Promise.all([
        db.sql.one<Row>(pageQuery),
        input.withTotal === false ? null : db.sql.one<{ n: number }>(countQuery).then(([r]) => r!.n),
      ]);
  const totalItems = total ?? (input.withTotal === false ? null : (await db.sql.one<{ n: number }>(countQuery))[0]!.n);

  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  if (back) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows.at(-1);
  const at = (row: Row, goBack: boolean) =>
    encodeCursor({
      s: sort,
      d: direction,
      v: positionOf(sort, { name: row.sortName, kind: row.sortKind, ref: row.ref, updatedAt: row.updatedAt }),
      back: goBack,
    });
  // Going forward there is a previous page whenever we came from somewhere; going back,
  // whenever the backward query found more rows.
  const hasNext = back ? true : more;
  const hasPrev = back ? more : Boolean(position) || Boolean(input.offset);
  return {
    items: pageRows.map(toItem),
    totalItems,
    nextCursor: hasNext && last ? at(last, false) : null,
    prevCursor: hasPrev && first ? at(first, true) : null,
  };
}
