import { Prisma, type TenantDb } from "@stagedoor/db";
import { AppError } from "../errors";
import { authorize, type Principal } from "../authz";
import { fieldContains, sortValue } from "./backstage-fields";
import { normaliseFilter, whereClause, type EntityFilter } from "./entity-filter";
import { summaryScope, summaryTotal } from "./facet-summary";
import { ENTITIES, STORED_COLUMNS, toStored, type StoredEntity, type StoredRow } from "./entity-rows";

// Backstage's catalog queries (DefaultEntitiesCatalog: `queryEntities` behind
// /entities/by-query, `entities` behind /entities) with its semantics, for the
// Backstage-compatible API. The portal's own list (list-entities.ts) is separate.
//
// - Order: by any field's lowercase value, nulls last, then a unique key (Backstage uses
//   the uid; we use the ref, which the indexes hold, so ties come in ref order).
// - Full text: `term` is a case-insensitive substring of the value of one of `fields`;
//   without fields, of the order field, and without one, of metadata.uid (Backstage's
//   defaults, so a bare term rarely matches: clients name the fields they mean).

/** The most entities one request may ask for (Backstage sets no limit; memory does). */
export const MAX_BACKSTAGE_QUERY_LIMIT = 10_000;

export type BackstageOrder = { field: string; order: "asc" | "desc" };

/** Where a page starts: the order value and ref of the row before it (after it, going back). */
export type BackstagePosition = { value: string | null; ref: string; back: boolean };

export type BackstageQueryInput = {
  filter?: EntityFilter[];
  /** By-query orders by the first only (as Backstage does); /entities by all of them. */
  order?: BackstageOrder[];
  fullText?: { term: string; fields?: string[] };
  limit: number;
  offset?: number;
  after?: BackstagePosition;
  /** Count the matches as well (by-query's first page). */
  withTotal?: boolean;
};

export type BackstageRow = StoredEntity & { position: { value: string | null; ref: string } };

export type BackstageQueryResult = {
  rows: BackstageRow[];
  /** Whether another row follows the page in the direction walked. */
  more: boolean;
  totalItems: number | null;
};

function textCondition(fullText: BackstageQueryInput["fullText"], order: BackstageOrder | undefined) {
  const term = fullText?.term.trim();
  if (!term) return null;
  const fields = fullText?.fields?.length ? fullText.fields : [order?.field || "metadata.uid"];
  // Backstage passes the term to LIKE as it is: `%` and `_` in it are wildcards there too.
  const pattern = `%${term.toLowerCase()}%`;
  return Prisma.sql`(${Prisma.join(
    fields.map((f) => fieldContains(f, pattern)),
    " OR ",
  )})`;
}

function orderClause(orders: BackstageOrder[], back: boolean): Prisma.Sql {
  const parts = orders.map(({ field, order }) => {
    const { sql, nullable } = sortValue(field);
    const dir = (order === "asc") !== back ? "ASC" : "DESC";
    // Nulls last walking forward, so first walking back. A column that is never null
    // keeps the index's own order (NULLS clauses would stop PostgreSQL using it backwards).
    return nullable
      ? Prisma.sql`${sql} ${Prisma.raw(dir)} NULLS ${Prisma.raw(back ? "FIRST" : "LAST")}`
      : Prisma.sql`${sql} ${Prisma.raw(dir)}`;
  });
  const first = orders[0];
  const refDir = (first ? first.order === "asc" : true) !== back ? "ASC" : "DESC";
  return Prisma.join([...parts, Prisma.sql`e.ref ${Prisma.raw(refDir)}`], ", ");
}

/** Rows strictly after `position` in the order walked (nulls come last going forward). */
function afterPosition(order: BackstageOrder | undefined, position: BackstagePosition): Prisma.Sql {
  const forward = (order ? order.order === "asc" : true) !== position.back;
  const cmp = Prisma.raw(forward ? ">" : "<");
  if (!order) return Prisma.sql`e.ref ${cmp} ${position.ref}`;
  const { sql, nullable } = sortValue(order.field);
  if (!nullable) return Prisma.sql`(${sql}, e.ref) ${cmp} (${position.value ?? ""}, ${position.ref})`;
  // Going forward nulls follow every value; going back they precede them.
  if (position.value === null) {
    return position.back
      ? Prisma.sql`(${sql} IS NOT NULL OR e.ref ${cmp} ${position.ref})`
      : Prisma.sql`(${sql} IS NULL AND e.ref ${cmp} ${position.ref})`;
  }
  const beyond = Prisma.sql`(${sql} ${cmp} ${position.value} OR (${sql} = ${position.value} AND e.ref ${cmp} ${position.ref}))`;
  return position.back ? beyond : Prisma.sql`(${beyond} OR ${sql} IS NULL)`;
}

/** One page of whole entities as Backstage's catalog would answer it. */
export async function queryBackstageEntities(
  db: TenantDb,
  by: Principal,
  input: BackstageQueryInput,
): Promise<BackstageQueryResult> {
  authorize(by, "catalog.read");
  const { limit } = input;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_BACKSTAGE_QUERY_LIMIT) {
    throw new AppError("BAD_REQUEST", `limit must be 0-${MAX_BACKSTAGE_QUERY_LIMIT}.`);
  }
  const orders = input.order ?? [];
  const first = orders[0];
  const text = textCondition(input.fullText, first);
  const filtered = Prisma.join([whereClause(db.orgId, { filter: input.filter }), ...(text ? [text] : [])], " AND ");
  const position = input.after;
  const where = position ? Prisma.sql`${filtered} AND ${afterPosition(first, position)}` : filtered;
  const key = first ? sortValue(first.field).sql : Prisma.sql`NULL::text`;
  const offset = !position && input.offset ? Prisma.sql`OFFSET ${input.offset}` : Prisma.empty;
  const pageQuery = Prisma.sql`
    SELECT ${STORED_COLUMNS}, ${key} AS "sortValue" FROM ${ENTITIES} e WHERE ${where}
    ORDER BY ${orderClause(orders, position?.back ?? false)} LIMIT ${limit + 1} ${offset}`;

  type Row = StoredRow & { sortValue: string | null };
  const countQuery = Prisma.sql`SELECT count(*)::int AS n FROM ${ENTITIES} e WHERE ${filtered}`;
  // The precounted summary answers most totals (one statement, on its own round trip).
  const scope = input.withTotal && !text ? summaryScope({ filter: input.filter }, normaliseFilter) : null;
  const [rows, totalItems] = await Promise.all([
    limit > 0 ? db.sql.one<Row>(pageQuery) : Promise.resolve([] as Row[]),
    !input.withTotal
      ? null
      : (scope ? summaryTotal(db.sql.one, db.orgId, scope) : Promise.resolve(null)).then(
          async (n) => n ?? (await db.sql.one<{ n: number }>(countQuery))[0]!.n,
        ),
  ]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  if (position?.back) page.reverse();
  return {
    rows: page.map((r) => ({ ...toStored(r), position: { value: r.sortValue, ref: r.ref } })),
    more,
    totalItems,
  };
}
