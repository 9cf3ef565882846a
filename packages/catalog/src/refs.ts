// Entity refs: `[<kind>:][<namespace>/]<name>`, with Backstage's parsing rules. Refs in
// relation fields are not format-checked beyond this (Backstage doesn't either), so a
// ref may name an entity that could never exist; it simply never resolves.

export const DEFAULT_NAMESPACE = "default";

export type CompoundEntityRef = { kind: string; namespace: string; name: string };

export type EntityRefContext = {
  /** Kind to use when the ref has none; without it a kindless ref is an error. */
  defaultKind?: string;
  /** Namespace to use when the ref has none; "default" when not given. */
  defaultNamespace?: string;
};

/** Either a ref string or its parts; `kind` and `namespace` may come from the context. */
export type EntityRefInput = string | { kind?: string; namespace?: string; name: string };

export class InvalidEntityRefError extends TypeError {
  override readonly name = "InvalidEntityRefError";
}

export const REF_RULE = "[<kind>:][<namespace>/]<name>, with no empty part";

/** Splits a ref string without applying defaults; parts are undefined when absent. */
function splitRef(text: string): { kind?: string; namespace?: string; name: string } | null {
  const colon = text.indexOf(":");
  const slash = text.indexOf("/");
  // A colon after the first slash belongs to the name ("ns/a:b"), not to a kind.
  const hasKind = colon !== -1 && (slash === -1 || colon < slash);
  const kind = hasKind ? text.slice(0, colon) : undefined;
  const rest = hasKind ? text.slice(colon + 1) : text;
  const restSlash = rest.indexOf("/");
  const namespace = restSlash === -1 ? undefined : rest.slice(0, restSlash);
  const name = restSlash === -1 ? rest : rest.slice(restSlash + 1);
  if (kind === "" || namespace === "" || name === "") return null;
  return { kind, namespace, name };
}

/**
 * Why `ref` is not a usable entity ref, or null when it is. Accepts any value because
 * descriptor fields can hold anything; mirrors what Backstage's parseEntityRef throws on.
 */
export function entityRefProblem(ref: unknown, context: EntityRefContext = {}): string | null {
  const result = resolveRef(ref, context);
  return typeof result === "string" ? result : null;
}

function resolveRef(ref: unknown, context: EntityRefContext): CompoundEntityRef | string {
  if (!ref) return "is empty";
  const defaultNamespace = context.defaultNamespace || DEFAULT_NAMESPACE;
  let parts: { kind?: unknown; namespace?: unknown; name?: unknown };
  if (typeof ref === "string") {
    const split = splitRef(ref);
    if (!split) return "has an empty kind, namespace or name";
    parts = split;
  } else if (typeof ref === "object" && !Array.isArray(ref)) {
    parts = ref as Record<string, unknown>;
  } else {
    parts = {};
  }
  const kind = parts.kind ?? context.defaultKind;
  const namespace = parts.namespace ?? defaultNamespace;
  const name = parts.name;
  if (!kind) return "has no kind, and there is no default kind to assume";
  if (!namespace) return "has an empty namespace";
  if (!name) return "has an empty name";
  // Backstage would accept e.g. a numeric kind here and only fail when storing the relation.
  if (typeof kind !== "string" || typeof namespace !== "string" || typeof name !== "string") {
    return "has a part that is not a string";
  }
  return { kind, namespace, name };
}

/** Parses a ref, filling in defaults; throws InvalidEntityRefError like Backstage does. */
export function parseEntityRef(ref: EntityRefInput, context: EntityRefContext = {}): CompoundEntityRef {
  const result = resolveRef(ref, context);
  if (typeof result === "string") {
    throw new InvalidEntityRefError(`Entity ref ${JSON.stringify(ref)} ${result}: expected ${REF_RULE}`);
  }
  return result;
}

type RefLike =
  { kind: string; namespace?: string; name: string } | { kind: string; metadata: { name: string; namespace?: string } };

/** The storage form `kind:namespace/name`, lowercase, namespace defaulting to "default". */
export function stringifyEntityRef(ref: RefLike): string {
  const { kind } = ref;
  const namespace = ("metadata" in ref ? ref.metadata.namespace : ref.namespace) ?? DEFAULT_NAMESPACE;
  const name = "metadata" in ref ? ref.metadata.name : ref.name;
  return `${kind}:${namespace}/${name}`.toLowerCase();
}

/** Parses and stringifies in one go: the key to store or compare a ref by. */
export function normalizeEntityRef(ref: EntityRefInput, context: EntityRefContext = {}): string {
  return stringifyEntityRef(parseEntityRef(ref, context));
}

/** Whether two refs name the same entity; refs are case-insensitive. */
export function isSameEntityRef(a: EntityRefInput, b: EntityRefInput, context: EntityRefContext = {}): boolean {
  return normalizeEntityRef(a, context) === normalizeEntityRef(b, context);
}
