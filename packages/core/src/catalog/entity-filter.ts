import { normalizeEntityRef, RELATION_PAIRS } from "@stagedoor/catalog";
import { Prisma } from "@stagedoor/db";

/**
 * One set of conditions, all of which must hold; within a key, any value may match.
 * Matching is case-insensitive, as in Backstage. `owner` and `system` take refs with
 * Backstage's defaults (`team-a` means `group:default/team-a`).
 */
export type EntityFilter = {
  kind?: string[];
  namespace?: string[];
  name?: string[];
  type?: string[];
  lifecycle?: string[];
  owner?: string[];
  system?: string[];
  tag?: string[];
  ref?: string[];
  uid?: string[];
  /** The entity has a relation of this type to one of these refs. */
  relation?: Array<{ type: string; targetRefs: string[] }>;
  /** Any other field, by path into the entity: equal to one of `values`, or present when null. */
  field?: Array<{ path: string[]; values: string[] | null }>;
  orphaned?: boolean;
  hasErrors?: boolean;
};

/**
 * Several filters match when any of them does (Backstage's repeated `filter` parameters).
 * `fuzzy` also lets the text match names and titles by trigram similarity (typos): the
 * portal's search asks for it, the Backstage-compatible API keeps Backstage's behaviour.
 */
export type EntityQuery = { filter?: EntityFilter | EntityFilter[]; text?: string; fuzzy?: boolean };

const MAX_FUZZY_LENGTH = 100;

/**
 * Trigram matches on the name and title trigram indexes: similar as a whole (pg_trgm's
 * `%`, threshold 0.3: "paymnts-api") or close to a part of it (`%>`, word similarity 0.6:
 * "paymnt" in "payments-api"). Both thresholds are pg_trgm's defaults.
 */
export function fuzzyMatch(text: string): Prisma.Sql {
  const t = text.trim().toLowerCase().slice(0, MAX_FUZZY_LENGTH);
  return Prisma.sql`(e.name % ${t} OR e.name %> ${t} OR lower(e.title) % ${t} OR lower(e.title) %> ${t})`;
}

const MAX_SEARCH_WORDS = 8;

/** Words of a search box as a prefix query: "ord serv" finds "orders-service". */
export function searchQuery(text: string): string | null {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_SEARCH_WORDS) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

// Every relation is stored in both directions, so "has type T to X" is "X has the mirror
// of T to it": one range of the primary key instead of a probe per candidate entity.
const MIRROR = new Map<string, string>(
  RELATION_PAIRS.flatMap(
    ([a, b]) =>
      [
        [a, b],
        [b, a],
      ] as Array<[string, string]>,
  ),
);

const lower = (values: string[]) => values.map((v) => v.toLowerCase());

function refs(values: string[], defaultKind?: string): string[] {
  return values.map((v) => {
    try {
      return normalizeEntityRef(v, { defaultKind, defaultNamespace: "default" });
    } catch {
      return v.toLowerCase();
    }
  });
}

function column(name: string, values: string[] | undefined): Prisma.Sql | null {
  if (!values) return null;
  if (values.length === 1) return Prisma.sql`e.${Prisma.raw(`"${name}"`)} = ${values[0]}`;
  return Prisma.sql`e.${Prisma.raw(`"${name}"`)} = ANY(${values}::text[])`;
}

function fieldCondition({ path, values }: { path: string[]; values: string[] | null }): Prisma.Sql {
  const value = Prisma.sql`(e.entity #> ${path}::text[])`;
  if (values === null) return Prisma.sql`${value} IS NOT NULL`;
  // Lists match when any element does, as Backstage's flattened search table does.
  return Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(
      CASE jsonb_typeof(${value}) WHEN 'array' THEN ${value} WHEN 'object' THEN '[]'::jsonb
      ELSE jsonb_build_array(${value}) END) AS x(v)
    WHERE lower(x.v) = ANY(${lower(values)}::text[]))`;
}

/** Values as the columns store them: lowercase, and owner/system/ref as full refs. */
export function normaliseFilter(f: EntityFilter): EntityFilter {
  const out: EntityFilter = { ...f };
  for (const key of ["kind", "namespace", "name", "type", "lifecycle", "tag"] as const) {
    if (f[key]) out[key] = lower(f[key]);
  }
  if (f.owner) out.owner = refs(f.owner, "Group");
  if (f.system) out.system = refs(f.system, "System");
  if (f.ref) out.ref = refs(f.ref);
  return out;
}

function conditions(filter: EntityFilter): Prisma.Sql[] {
  const f = normaliseFilter(filter);
  const out: Array<Prisma.Sql | null> = [
    column("kind", f.kind),
    column("namespace", f.namespace),
    column("name", f.name),
    column("type", f.type),
    column("lifecycle", f.lifecycle),
    column("owner", f.owner),
    column("system", f.system),
    column("ref", f.ref),
  ];
  if (f.uid) {
    const uuids = f.uid.filter((u) => /^[0-9a-f-]{36}$/i.test(u));
    out.push(uuids.length ? Prisma.sql`e.id = ANY(${uuids}::uuid[])` : Prisma.sql`FALSE`);
  }
  if (f.tag) out.push(Prisma.sql`e.tags && ${f.tag}::text[]`);
  for (const r of f.relation ?? []) {
    const mirror = MIRROR.get(r.type);
    out.push(
      mirror
        ? Prisma.sql`e.ref IN (SELECT r."targetRef" FROM "CatalogRelation" r
            WHERE r."orgId" = e."orgId" AND r."sourceRef" = ANY(${refs(r.targetRefs)}::text[]) AND r.type = ${mirror})`
        : Prisma.sql`EXISTS (SELECT 1 FROM "CatalogRelation" r
            WHERE r."orgId" = e."orgId" AND r."sourceRef" = e.ref AND r.type = ${r.type}
              AND r."targetRef" = ANY(${refs(r.targetRefs)}::text[]))`,
    );
  }
  for (const field of f.field ?? []) out.push(fieldCondition(field));
  if (f.orphaned !== undefined) out.push(Prisma.sql`e."orphanedAt" IS ${Prisma.raw(f.orphaned ? "NOT NULL" : "NULL")}`);
  if (f.hasErrors !== undefined) out.push(Prisma.sql`e.errors IS ${Prisma.raw(f.hasErrors ? "NOT NULL" : "NULL")}`);
  return out.filter((c): c is Prisma.Sql => c !== null);
}

/**
 * The WHERE clause of a query over the catalog_entities view as `e` (the GIN conditions,
 * && and @@, need the view: under RLS alone PostgreSQL would not use their indexes).
 */
export function whereClause(orgId: string, query: EntityQuery): Prisma.Sql {
  const parts = [Prisma.sql`e."orgId" = ${orgId}`];
  const sets = query.filter === undefined ? [] : Array.isArray(query.filter) ? query.filter : [query.filter];
  const anyOf = sets.map((set) => {
    const all = conditions(set);
    return all.length ? Prisma.sql`(${Prisma.join(all, " AND ")})` : Prisma.sql`TRUE`;
  });
  if (anyOf.length) parts.push(Prisma.sql`(${Prisma.join(anyOf, " OR ")})`);
  if (query.text !== undefined && query.text.trim()) {
    const tsquery = searchQuery(query.text);
    const words = tsquery ? Prisma.sql`e.search @@ to_tsquery('simple', ${tsquery})` : Prisma.sql`FALSE`;
    parts.push(query.fuzzy ? Prisma.sql`(${words} OR ${fuzzyMatch(query.text)})` : words);
  }
  return Prisma.join(parts, " AND ");
}
