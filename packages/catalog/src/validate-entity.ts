import { isValidApiVersion, isValidKind, RULES } from "./format-rules";
import { IssueList, makeIssue, showValue } from "./issues";
import { KNOWN_KIND_NAMES, matchKind } from "./kinds/kind-spec";
import { MAX_DEPTH, MAX_ERRORS_PER_DOCUMENT } from "./limits";
import { DEFAULT_NAMESPACE, entityRefProblem, REF_RULE, stringifyEntityRef } from "./refs";
import { relationTargets } from "./relations";
import { scanEntity, type ScanResult } from "./scan";
import { checkShape, isObject, type ShapeContext } from "./shape";
import type { EntityIssue, Placeholder } from "./types";
import { checkMetadata } from "./validate-metadata";

export type ValidateOptions = {
  /**
   * Accept kinds (or kind/apiVersion pairs) that no built-in schema covers, after the
   * envelope, metadata and field-format checks. Backstage rejects them unless a custom
   * processor claims them, so this is off by default.
   */
  allowUnknownKinds?: boolean;
};

export type EntityCheck = {
  issues: EntityIssue[];
  /** Backstage fails the whole file for these: not an object, or a broken envelope. */
  blocksFile: boolean;
  placeholders: Placeholder[];
  ref?: string;
};

const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec"]);
const ROOT_RULE = "only apiVersion, kind, metadata and spec are allowed at the top level";

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Every problem Backstage's catalog would find with this entity value, in one pass. */
export function validateEntity(value: unknown, options: ValidateOptions = {}): EntityIssue[] {
  return checkEntity(value, options).issues;
}

export function checkEntity(value: unknown, options: ValidateOptions = {}): EntityCheck {
  if (!isPlainObject(value)) {
    const what = value === null ? "null" : Array.isArray(value) ? "a list" : `a ${typeof value}`;
    const problem = `document is ${what}`;
    const issue = makeIssue([], "not-an-object", problem, "each document must be a mapping describing one entity");
    return { issues: [issue], blocksFile: true, placeholders: [] };
  }
  const scan = scanEntity(value);
  if (scan.depth > MAX_DEPTH) {
    const issue = makeIssue(
      [],
      "too-deep",
      `document nests ${scan.depth} levels deep`,
      `at most ${MAX_DEPTH} levels of nesting`,
    );
    return { issues: [issue], blocksFile: false, placeholders: [] };
  }
  const ctx: ShapeContext = { issues: new IssueList(), resolverOf: scan.resolverOf, owner: "the entity" };
  checkHazards(scan, ctx);
  const before = ctx.issues.items.length;
  checkEnvelope(value, ctx);
  const blocksFile = ctx.issues.items.length > before;
  checkRoot(value, ctx);
  if (isObject(value.metadata)) checkMetadata(value.metadata, ctx);
  checkKind(value, ctx, options);
  checkRelationRefs(value, ctx);
  return { issues: capped(ctx.issues.items), blocksFile, placeholders: scan.placeholders, ref: refOf(value) };
}

function checkHazards(scan: ScanResult, ctx: ShapeContext): void {
  for (const segments of scan.forbiddenKeys) {
    ctx.issues.add(segments, "forbidden-key", "__proto__ is not allowed as a key", "rename or remove this key", "key");
  }
  for (const { segments, key, value } of scan.brokenPlaceholders) {
    ctx.issues.add(
      segments,
      "invalid-placeholder",
      `${key} is given ${showValue(value)}`,
      `${key} takes a URL or a path relative to this file, as a string`,
    );
  }
}

// What Backstage checks before anything else (its EntityEnvelope schema).
function checkEnvelope(entity: Record<string, unknown>, ctx: ShapeContext): void {
  const field = (segments: string[], value: unknown, present: boolean, example: string) => {
    if (!present) ctx.issues.add(segments, "required", "is missing", `required: ${example}`);
    else if (typeof value !== "string" || value === "") {
      const problem =
        value === ""
          ? "is an empty string"
          : value === null
            ? "is empty (null)"
            : `${showValue(value)} is not a string`;
      ctx.issues.add(segments, "wrong-type", problem, `expected a non-empty string such as ${example}`);
    }
  };
  field(["apiVersion"], entity.apiVersion, Object.hasOwn(entity, "apiVersion"), "backstage.io/v1alpha1");
  field(["kind"], entity.kind, Object.hasOwn(entity, "kind"), "Component");
  const { metadata } = entity;
  if (!Object.hasOwn(entity, "metadata")) {
    ctx.issues.add(["metadata"], "required", "is missing", "required: a mapping with at least a name");
  } else if (!isObject(metadata)) {
    ctx.issues.add(
      ["metadata"],
      "wrong-type",
      `is ${metadata === null ? "empty (null)" : "not a mapping"}`,
      "expected a mapping with at least a name",
    );
  } else {
    field(["metadata", "name"], metadata.name, Object.hasOwn(metadata, "name"), "my-service");
    if (Object.hasOwn(metadata, "namespace")) field(["metadata", "namespace"], metadata.namespace, true, "default");
  }
}

function checkRoot(entity: Record<string, unknown>, ctx: ShapeContext): void {
  for (const key of Object.keys(entity)) {
    if (ROOT_FIELDS.has(key) || key === "__proto__") continue;
    const problem =
      key === "relations" || key === "status"
        ? `${key} is filled in by the catalog and cannot be written in a descriptor`
        : `${showValue(key)} is not a known top-level field`;
    ctx.issues.add([key], "unknown-field", problem, ROOT_RULE, "key");
  }
  if (Object.hasOwn(entity, "spec")) checkShape(entity.spec, { type: "object" }, ["spec"], ctx);
  const { apiVersion, kind } = entity;
  if (typeof apiVersion === "string" && apiVersion && !isValidApiVersion(apiVersion)) {
    ctx.issues.add(
      ["apiVersion"],
      "invalid-format",
      `${showValue(apiVersion)} is not a valid apiVersion`,
      RULES.apiVersion,
    );
  }
  if (typeof kind === "string" && kind && !isValidKind(kind)) {
    ctx.issues.add(["kind"], "invalid-format", `${showValue(kind)} is not a valid kind`, RULES.kind);
  }
}

// Backstage accepts an entity only if some processor's kind schema matches it exactly.
function checkKind(entity: Record<string, unknown>, ctx: ShapeContext, options: ValidateOptions): void {
  const { apiVersion, kind } = entity;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !apiVersion || !kind) return;
  const match = matchKind(kind, apiVersion);
  if (match.status === "known") {
    if (!Object.hasOwn(entity, "spec")) {
      ctx.issues.add(["spec"], "required", "is missing", `required by kind ${kind}`);
    } else if (!ctx.issues.hasAt(["spec"])) {
      checkShape(entity.spec, match.spec.spec, ["spec"], { ...ctx, owner: `kind ${kind}` });
    }
    return;
  }
  if (options.allowUnknownKinds || ctx.issues.hasAt(["kind"])) return;
  if (match.status === "wrong-case") {
    ctx.issues.add(
      ["kind"],
      "unsupported-kind",
      `${showValue(kind)} is not a known kind`,
      `kinds are case-sensitive: write ${match.spec.kind}`,
    );
  } else if (match.status === "wrong-api-version") {
    if (ctx.issues.hasAt(["apiVersion"])) return;
    const versions = match.spec.apiVersions.join(" or ");
    ctx.issues.add(
      ["apiVersion"],
      "unsupported-kind",
      `${showValue(apiVersion)} is not an apiVersion of kind ${kind}`,
      `use ${versions}`,
    );
  } else {
    ctx.issues.add(
      ["kind"],
      "unsupported-kind",
      `${showValue(kind)} is not a kind this catalog knows`,
      `one of ${KNOWN_KIND_NAMES.join(", ")}`,
    );
  }
}

// Backstage parses relation refs after validation and fails the entity on a bad one.
function checkRelationRefs(entity: Record<string, unknown>, ctx: ShapeContext): void {
  const namespace = namespaceOf(entity);
  for (const { field, segments, value } of relationTargets(entity)) {
    if (ctx.issues.hasAt(["spec", field.field]) || (isObject(value) && ctx.resolverOf.has(value))) continue;
    const reason = entityRefProblem(value, { defaultKind: field.defaultKind, defaultNamespace: namespace });
    if (reason === null) continue;
    const rule = field.defaultKind
      ? `${REF_RULE}; the kind defaults to ${field.defaultKind}`
      : `${REF_RULE}; this field needs the kind, e.g. component:orders-db`;
    ctx.issues.add(segments, "invalid-ref", `${showValue(value)} ${reason}`, rule);
  }
}

function namespaceOf(entity: Record<string, unknown>): string {
  const metadata = isObject(entity.metadata) ? entity.metadata : {};
  return typeof metadata.namespace === "string" && metadata.namespace ? metadata.namespace : DEFAULT_NAMESPACE;
}

function refOf(entity: Record<string, unknown>): string | undefined {
  const metadata = isObject(entity.metadata) ? entity.metadata : {};
  const { kind } = entity;
  const { name, namespace } = metadata;
  if (typeof kind !== "string" || !kind || typeof name !== "string" || !name) return undefined;
  if (namespace !== undefined && (typeof namespace !== "string" || !namespace)) return undefined;
  return stringifyEntityRef({ kind, namespace: namespace ?? DEFAULT_NAMESPACE, name });
}

function capped(issues: EntityIssue[]): EntityIssue[] {
  if (issues.length <= MAX_ERRORS_PER_DOCUMENT) return issues;
  const rest = issues.length - MAX_ERRORS_PER_DOCUMENT;
  const summary = makeIssue(
    [],
    "too-many-errors",
    `${rest} more problems not shown`,
    "fix the ones above and validate again",
  );
  return [...issues.slice(0, MAX_ERRORS_PER_DOCUMENT), summary];
}
