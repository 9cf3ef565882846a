import {
  AppError,
  getStoredEntities,
  listStoredEntities,
  MAX_PAGE_SIZE,
  type EntityFilter,
  type EntitySort,
  type SortDirection,
  type StoredEntity,
} from "@stagedoor/core";
import type { Authenticated } from "./auth";
import { parseFields, parseFilters, parseLimit, parseOffset, parseSort } from "./backstage-query";
import { toJson } from "./entity-json";
import { json } from "./respond";

// GET /entities without a limit answers everything, as Backstage does, up to this many.
const MAX_UNPAGED = 10_000;
const MAX_BY_REFS = 1000;
const BY_QUERY_DEFAULT_LIMIT = 20;

/** GET /entities?filter=&fields=&order=asc:metadata.name&limit=&offset= → Entity[] */
export async function getEntities({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const p = url.searchParams;
  const fields = parseFields(p.getAll("fields"));
  const order = p.getAll("order")[0];
  const [direction, field] = order
    ? order.includes(":")
      ? order.split(":", 2)
      : ["asc", order]
    : ["asc", "metadata.name"];
  const sort = parseSort(field!, direction!);
  const filter = parseFilters(p);
  const offset = parseOffset(p.get("offset"));
  const limit = p.has("limit") ? parseLimit(p.get("limit"), 0, MAX_UNPAGED) : null;
  const wanted = limit ?? MAX_UNPAGED + 1;
  const items: StoredEntity[] = [];
  let cursor: string | null = null;
  do {
    const page = await listStoredEntities(db, principal, {
      filter,
      ...sort,
      limit: Math.max(1, Math.min(MAX_PAGE_SIZE, wanted - items.length)),
      cursor,
      offset: cursor ? undefined : offset,
      withTotal: false,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < wanted);
  if (limit === null && items.length > MAX_UNPAGED) {
    throw new AppError(
      "BAD_REQUEST",
      `More than ${MAX_UNPAGED} entities match: page with limit and offset, or use /entities/by-query.`,
    );
  }
  return json(items.slice(0, limit ?? MAX_UNPAGED).map((e) => toJson(e, fields)));
}

type QueryState = {
  filter: EntityFilter[] | undefined;
  text: string | undefined;
  sort: EntitySort;
  direction: SortDirection;
  /** Counted once, on the first page, and carried along as Backstage does. */
  totalItems: number;
};

type QueryCursor = { q: QueryState; c: string };

const encode = (cursor: QueryCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decode(text: string): QueryCursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as QueryCursor;
    if (cursor && typeof cursor.c === "string" && cursor.q && typeof cursor.q.totalItems === "number") return cursor;
  } catch {
    // Reported below.
  }
  throw new AppError("BAD_REQUEST", "Invalid cursor.");
}

/**
 * GET /entities/by-query?filter=&fullTextFilterTerm=&orderField=metadata.name,asc&limit=&cursor=
 * → {items, totalItems, pageInfo: {nextCursor?, prevCursor?}}. With a cursor, the query
 * comes from the cursor and only limit and fields are read, as in Backstage.
 */
export async function getEntitiesByQuery({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const p = url.searchParams;
  const fields = parseFields(p.getAll("fields"));
  const limit = parseLimit(p.get("limit"), BY_QUERY_DEFAULT_LIMIT, MAX_PAGE_SIZE);
  const given = p.get("cursor");
  let state: QueryState;
  let cursor: string | null = null;
  if (given) {
    const decoded = decode(given);
    state = decoded.q;
    cursor = decoded.c;
  } else {
    const [field, direction] = (p.getAll("orderField")[0] ?? "metadata.name,asc").split(",");
    const text = p.get("fullTextFilterTerm")?.trim() || undefined;
    state = { filter: parseFilters(p), text, ...parseSort(field!, direction ?? "asc"), totalItems: 0 };
  }
  if (limit === 0) {
    const counted = await listStoredEntities(db, principal, { ...state, limit: 1 });
    return json({ items: [], totalItems: counted.totalItems, pageInfo: {} });
  }
  const page = await listStoredEntities(db, principal, { ...state, limit, cursor, withTotal: !given });
  const q = { ...state, totalItems: page.totalItems ?? state.totalItems };
  const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
  if (page.nextCursor) pageInfo.nextCursor = encode({ q, c: page.nextCursor });
  if (page.prevCursor) pageInfo.prevCursor = encode({ q, c: page.prevCursor });
  return json({ items: page.items.map((e) => toJson(e, fields)), totalItems: q.totalItems, pageInfo });
}

/** GET /entities/by-name/:kind/:namespace/:name → Entity, or Backstage's NotFoundError. */
export async function getEntityByName({ db, principal }: Authenticated, url: URL, [kind, namespace, name]: string[]) {
  const [stored] = await getStoredEntities(db, principal, [`${kind}:${namespace}/${name}`]);
  if (!stored) {
    throw new AppError("NOT_FOUND", `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`);
  }
  return json(toJson(stored, parseFields(url.searchParams.getAll("fields"))));
}

/** GET /entities/by-uid/:uid → Entity. */
export async function getEntityByUid({ db, principal }: Authenticated, url: URL, [uid]: string[]) {
  const page = await listStoredEntities(db, principal, { filter: { uid: [uid!] }, limit: 1, withTotal: false });
  const stored = page.items[0];
  if (!stored) throw new AppError("NOT_FOUND", `No entity with uid ${uid}`);
  return json(toJson(stored, parseFields(url.searchParams.getAll("fields"))));
}

/** POST /entities/by-refs {entityRefs, fields?} → {items}: same order, null where missing. */
export async function postEntitiesByRefs({ db, principal }: Authenticated, url: URL, req: Request): Promise<Response> {
  const body = (await req.json().catch(() => null)) as { entityRefs?: unknown; fields?: unknown } | null;
  const refs = body?.entityRefs;
  if (!Array.isArray(refs) || !refs.every((r) => typeof r === "string")) {
    throw new AppError("BAD_REQUEST", 'Send a JSON body {"entityRefs": ["kind:namespace/name", ...]}.');
  }
  if (refs.length > MAX_BY_REFS) throw new AppError("BAD_REQUEST", `Ask for at most ${MAX_BY_REFS} refs at once.`);
  const bodyFields = Array.isArray(body?.fields) ? body.fields.filter((f): f is string => typeof f === "string") : [];
  const fields = parseFields([...url.searchParams.getAll("fields"), ...bodyFields]);
  const items = await getStoredEntities(db, principal, refs);
  return json({ items: items.map((e) => (e ? toJson(e, fields) : null)) });
}
