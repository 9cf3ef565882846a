import {
  AppError,
  getStoredEntities,
  listStoredEntities,
  MAX_BACKSTAGE_QUERY_LIMIT,
  queryBackstageEntities,
  type BackstagePosition,
} from "@stagedoor/core";
import type { Authenticated } from "./auth";
import {
  parseFields,
  parseFilters,
  parseFullText,
  parseLimit,
  parseOffset,
  parseOrder,
  parseOrderField,
} from "./backstage-query";
import { toJson } from "./entity-json";
import { json } from "./respond";

// GET /entities without a limit answers everything, as Backstage does, up to this many.
const MAX_UNPAGED = 10_000;
const MAX_BY_REFS = 1000;
// Backstage's DefaultEntitiesCatalog.queryEntities answers this many without a limit.
const BY_QUERY_DEFAULT_LIMIT = 200;

/**
 * GET /entities?filter=&fields=&order=asc:metadata.name&limit=&offset= → Entity[].
 * Several `order` parameters order by each in turn, on any field, as in Backstage; by ref without.
 */
export async function getEntities({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const p = url.searchParams;
  const fields = parseFields(p.getAll("fields"));
  const order = p.getAll("order").map(parseOrder);
  const limit = p.has("limit") ? parseLimit(p.get("limit"), 0, MAX_UNPAGED) : null;
  const result = await queryBackstageEntities(db, principal, {
    filter: parseFilters(p),
    // Without an order, Backstage answers in entity ref order; so do we (the same lowercase refs).
    order,
    limit: limit ?? MAX_UNPAGED,
    offset: parseOffset(p.get("offset")),
  });
  if (limit === null && result.more) {
    throw new AppError(
      "BAD_REQUEST",
      `More than ${MAX_UNPAGED} entities match: page with limit and offset, or use /entities/by-query.`,
    );
  }
  return json(result.rows.map((e) => toJson(e, fields)));
}

/**
 * What a by-query cursor carries: the query's own parameters, as in Backstage (read again
 * with the same parsers on every page, so a cursor is checked like a first request), and
 * where the page starts.
 */
type QueryCursor = {
  q: {
    filter: string[];
    orderField: string[];
    fullTextFilterTerm: string | null;
    fullTextFilterFields: string[];
    /** Counted once, on the first page, and carried along as Backstage does. */
    totalItems: number;
  };
  /** The position to continue from. */
  p: BackstagePosition;
  /** The first row of the first page: going back there is no previous page. */
  f: { value: string | null; ref: string } | null;
};

const encode = (cursor: QueryCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isPosition = (v: unknown): v is { value: string | null; ref: string } => {
  const p = v as { value?: unknown; ref?: unknown } | null;
  return (
    typeof p === "object" &&
    p !== null &&
    typeof p.ref === "string" &&
    (p.value === null || typeof p.value === "string")
  );
};

function decode(text: string): QueryCursor {
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as QueryCursor;
    const valid =
      c?.q &&
      isStrings(c.q.filter) &&
      isStrings(c.q.orderField) &&
      isStrings(c.q.fullTextFilterFields) &&
      (c.q.fullTextFilterTerm === null || typeof c.q.fullTextFilterTerm === "string") &&
      Number.isInteger(c.q.totalItems) &&
      isPosition(c.p) &&
      typeof c.p.back === "boolean" &&
      (c.f === null || isPosition(c.f));
    if (valid) return c;
  } catch {
    // Reported below.
  }
  throw new AppError("BAD_REQUEST", "Invalid cursor.");
}

/** The query parameters a cursor carries, as URL parameters again. */
function queryParams(q: QueryCursor["q"]): URLSearchParams {
  const params = new URLSearchParams();
  for (const f of q.filter) params.append("filter", f);
  for (const o of q.orderField) params.append("orderField", o);
  if (q.fullTextFilterTerm !== null) params.set("fullTextFilterTerm", q.fullTextFilterTerm);
  for (const f of q.fullTextFilterFields) params.append("fullTextFilterFields", f);
  return params;
}

const samePosition = (a: { value: string | null; ref: string } | null | undefined, b: typeof a) =>
  Boolean(a && b && a.value === b.value && a.ref === b.ref);

/**
 * GET /entities/by-query?filter=&fullTextFilterTerm=&fullTextFilterFields=&orderField=metadata.name,asc&limit=&offset=&cursor=
 * → {items, totalItems, pageInfo: {nextCursor?, prevCursor?}}, as Backstage's queryEntities
 * answers it. With a cursor, the query comes from the cursor and only limit and fields are read.
 */
export async function getEntitiesByQuery({ db, principal }: Authenticated, url: URL): Promise<Response> {
  const p = url.searchParams;
  const fields = parseFields(p.getAll("fields"));
  const limit = parseLimit(p.get("limit"), BY_QUERY_DEFAULT_LIMIT, MAX_BACKSTAGE_QUERY_LIMIT);
  const given = p.get("cursor");
  const cursor = given ? decode(given) : null;
  const q: QueryCursor["q"] = cursor?.q ?? {
    filter: p.getAll("filter"),
    orderField: p.getAll("orderField"),
    fullTextFilterTerm: p.get("fullTextFilterTerm"),
    fullTextFilterFields: p.getAll("fullTextFilterFields"),
    totalItems: 0,
  };
  const query = queryParams(q);
  const counting = !cursor && p.get("totalItems") !== "exclude";
  const result = await queryBackstageEntities(db, principal, {
    filter: parseFilters(query),
    // Backstage orders by the first orderField only (and logs that it ignored the rest).
    order: query.getAll("orderField").slice(0, 1).map(parseOrderField),
    fullText: parseFullText(query),
    limit,
    offset: cursor ? undefined : parseOffset(p.get("offset")),
    after: cursor?.p,
    withTotal: counting,
  });
  const totalItems = counting ? (result.totalItems ?? 0) : q.totalItems;
  const { rows } = result;
  const back = cursor?.p.back ?? false;
  const first = rows[0]?.position ?? null;
  const last = rows.at(-1)?.position ?? null;
  const firstOfAll = cursor ? cursor.f : first;
  const carried = { ...q, totalItems };
  const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
  // Backstage's rules: a next page whenever going back, or when more rows followed going
  // forward; a previous page after the first request unless this page starts the list.
  if (limit > 0 && last && (back || result.more)) {
    pageInfo.nextCursor = encode({ q: carried, p: { ...last, back: false }, f: firstOfAll });
  }
  if (cursor && first && !samePosition(first, firstOfAll) && (!back || result.more)) {
    pageInfo.prevCursor = encode({ q: carried, p: { ...first, back: true }, f: firstOfAll });
  }
  return json({ items: rows.map((e) => toJson(e, fields)), totalItems, pageInfo });
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
