import { Prisma } from "@stagedoor/db";
import { AppError } from "../errors";

export type EntitySort = "name" | "kind" | "updated";
export type SortDirection = "asc" | "desc";

// Every order ends with the unique ref, so positions are total and pages never overlap
// or skip rows. Each order has an index (orgId, ...columns) in the schema.
const COLUMNS: Record<EntitySort, string[]> = {
  name: ["name", "ref"],
  kind: ["kind", "name", "ref"],
  updated: ["updatedAt", "ref"],
};

/** A position between two rows: the sort values of the row before it (or after, going back). */
type Position = { s: EntitySort; d: SortDirection; v: string[]; back: boolean };

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

export function decodeCursor(cursor: string, sort: EntitySort, direction: SortDirection): Position {
  try {
    const p = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Position;
    const valid =
      p.s === sort &&
      p.d === direction &&
      Array.isArray(p.v) &&
      p.v.length === COLUMNS[sort].length &&
      p.v.every((v) => typeof v === "string");
    if (valid) return { ...p, back: p.back === true };
  } catch {
    // Reported below.
  }
  throw new AppError("BAD_REQUEST", "This page cursor is not valid for this query; start from the first page.", {
    cursor: "Invalid cursor.",
  });
}

/** The sort values of a row, as the cursor stores them. */
export function positionOf(sort: EntitySort, row: { name: string; kind: string; ref: string; updatedAt: Date }) {
  const value = { name: row.name, kind: row.kind, ref: row.ref, updatedAt: row.updatedAt.toISOString() };
  return COLUMNS[sort].map((c) => value[c as keyof typeof value]);
}

const cols = (sort: EntitySort) => COLUMNS[sort].map((c) => Prisma.raw(`e."${c}"`));

export function orderBy(sort: EntitySort, direction: SortDirection, back: boolean): Prisma.Sql {
  const dir = (direction === "asc") !== back ? "ASC" : "DESC";
  return Prisma.join(
    cols(sort).map((c) => Prisma.sql`${c} ${Prisma.raw(dir)}`),
    ", ",
  );
}

/** Rows strictly after the position in the walking direction: a row comparison the index can seek to. */
export function afterPosition(position: Position): Prisma.Sql {
  const forward = (position.d === "asc") !== position.back;
  const values = COLUMNS[position.s].map((c, i) =>
    c === "updatedAt" ? Prisma.sql`${position.v[i]}::timestamp` : Prisma.sql`${position.v[i]}`,
  );
  return Prisma.sql`(${Prisma.join(cols(position.s), ", ")}) ${Prisma.raw(forward ? ">" : "<")} (${Prisma.join(values, ", ")})`;
}
