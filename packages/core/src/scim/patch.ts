import { parseScimFilter, stripCoreUrn, type ScimComparison } from "./filter";
import { scimError } from "./scim-errors";

type Json = unknown;
type Obj = Record<string, Json>;

export type ScimPatchOperation = { op: string; path?: string; value?: Json };

// Attribute names are case-insensitive in SCIM (RFC 7643 §2.1); stored keys use these.
const CANONICAL = new Map(
  [
    "userName",
    "externalId",
    "displayName",
    "name",
    "givenName",
    "familyName",
    "middleName",
    "formatted",
    "honorificPrefix",
    "honorificSuffix",
    "emails",
    "active",
    "members",
    "value",
    "display",
    "type",
    "primary",
    "title",
    "nickName",
    "locale",
    "preferredLanguage",
    "timezone",
  ].map((a) => [a.toLowerCase(), a]),
);
// Never changed by PATCH: Okta's no-path replace repeats the id, which must not fail.
const READ_ONLY = new Set(["id", "meta", "schemas"]);
const PATH = /^([A-Za-z][\w-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w-]*))?$/;

/**
 * Applies RFC 7644 §3.5.2 PATCH operations to a resource's JSON as Okta and Entra ID send
 * them: `op` in any case ("Replace", "Add", "Remove"), paths with value filters
 * (`members[value eq "id"]`, `emails[type eq "work"].value`), sub-attributes
 * (`name.givenName`), and no-path add/replace with an object (whose keys may themselves be
 * paths). Paths into extension schemas the server does not keep (Entra's enterprise
 * extension) are accepted and ignored. Returns a new object; the input is not changed.
 */
export function applyScimPatch(resource: Obj, operations: readonly ScimPatchOperation[]): Obj {
  const out = structuredClone(resource);
  for (const operation of operations) {
    const op = String(operation.op ?? "").toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw scimError("BAD_REQUEST", "invalidSyntax", `Unknown PATCH op "${String(operation.op)}".`);
    }
    const path = operation.path?.trim();
    if (!path) {
      if (op === "remove") throw scimError("BAD_REQUEST", "noTarget", "A remove operation needs a path.");
      if (!isObj(operation.value)) {
        throw scimError("BAD_REQUEST", "invalidValue", `An ${op} without a path needs an object value.`);
      }
      for (const [key, value] of Object.entries(operation.value)) {
        if (READ_ONLY.has(key.toLowerCase())) continue;
        applyAt(out, op, key, value);
      }
      continue;
    }
    applyAt(out, op, path, operation.value);
  }
  return out;
}

function applyAt(target: Obj, op: "add" | "replace" | "remove", rawPath: string, value: Json): void {
  if (/^urn:/i.test(rawPath) && stripCoreUrn(rawPath) === rawPath) return; // extension schema: not kept
  const path = stripCoreUrn(rawPath);
  const match = PATH.exec(path);
  if (!match) throw scimError("BAD_REQUEST", "invalidPath", `Unsupported PATCH path "${rawPath}".`);
  const attr = keyOf(target, match[1]!);
  const filter = match[2] ? parseElementFilter(match[2], rawPath) : null;
  const sub = match[3];

  if (filter) {
    const list = Array.isArray(target[attr]) ? (target[attr] as Json[]) : [];
    const hits = list.filter((el) => isObj(el) && matches(el, filter));
    if (op === "remove") {
      if (sub) for (const el of hits as Obj[]) delete el[keyOf(el, sub)];
      else target[attr] = list.filter((el) => !hits.includes(el));
      return;
    }
    if (hits.length === 0) {
      // Entra ID adds `emails[type eq "work"].value` to a user that has no work email yet.
      const created: Obj = Object.fromEntries(filter.map((c) => [keyOf({}, c.attribute), c.value]));
      if (sub) created[keyOf(created, sub)] = value;
      else if (isObj(value)) Object.assign(created, value);
      target[attr] = [...list, created];
      return;
    }
    for (const el of hits as Obj[]) {
      if (sub) el[keyOf(el, sub)] = value;
      else if (isObj(value)) Object.assign(el, value);
    }
    return;
  }

  if (sub) {
    const parent = isObj(target[attr]) ? (target[attr] as Obj) : {};
    if (op === "remove") delete parent[keyOf(parent, sub)];
    else parent[keyOf(parent, sub)] = value;
    target[attr] = parent;
    return;
  }

  if (op === "remove") {
    // Okta and Entra ID remove group members as {path: "members", value: [{value: id}]}.
    if (Array.isArray(target[attr]) && Array.isArray(value) && value.length > 0) {
      const gone = new Set(value.map((v) => (isObj(v) ? String(v.value) : String(v))));
      target[attr] = (target[attr] as Json[]).filter((el) => !(isObj(el) && gone.has(String(el.value))));
    } else {
      delete target[attr];
    }
    return;
  }
  if (op === "add" && Array.isArray(target[attr])) {
    const existing = target[attr] as Json[];
    const added = Array.isArray(value) ? value : [value];
    const seen = new Set(existing.map((el) => (isObj(el) ? String(el.value) : undefined)));
    target[attr] = [...existing, ...added.filter((el) => !(isObj(el) && seen.has(String(el.value))))];
    return;
  }
  if (op === "add" && isObj(value) && isObj(target[attr])) {
    target[attr] = { ...(target[attr] as Obj), ...value };
    return;
  }
  target[attr] = value;
}

function parseElementFilter(text: string, path: string): ScimComparison[] {
  try {
    return parseScimFilter(text, ["value", "type", "display", "primary"]);
  } catch {
    throw scimError("BAD_REQUEST", "invalidPath", `Unsupported value filter in PATCH path "${path}".`);
  }
}

function matches(el: Obj, filter: ScimComparison[]): boolean {
  return filter.every((c) => {
    const actual = el[keyOf(el, c.attribute)];
    if (actual === undefined || actual === null) return false;
    // type values ("work", "Work") compare case-insensitively, ids exactly.
    return c.attribute === "type" ? String(actual).toLowerCase() === c.value.toLowerCase() : String(actual) === c.value;
  });
}

/** The key an attribute has in `obj` (case-insensitively), or its canonical spelling. */
function keyOf(obj: Obj, attribute: string): string {
  const lower = attribute.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower) ?? CANONICAL.get(lower) ?? attribute;
}

export function isObj(value: Json): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
