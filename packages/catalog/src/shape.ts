import { type IssueList, showValue, typeName } from "./issues";
import type { PlaceholderResolver } from "./scan";
import type { PathSegment } from "./types";

/**
 * Just enough of JSON Schema to state Backstage's kind schemas (and the metadata schema)
 * as data and check them with readable messages. Semantics follow ajv: "object" means a
 * non-null, non-array object; `required` is satisfied by a key that is present even if null.
 */
export type Shape =
  | { type: "string"; nonEmpty?: boolean; oneOf?: readonly string[]; hint?: string }
  | { type: "string-or-boolean" }
  | {
      type: "object";
      required?: readonly string[];
      properties?: Readonly<Record<string, Shape>>;
      /** Shape of keys not listed in `properties`; anything goes when absent. */
      additional?: Shape;
      hint?: string;
    }
  | { type: "array"; items?: Shape; minItems?: number; hint?: string }
  | { type: "object-or-array"; object: Shape; array: Shape }
  | { type: "any" };

export type ShapeContext = {
  issues: IssueList;
  /** Placeholders stand in for the content they will be replaced with. */
  resolverOf: ReadonlyMap<object, PlaceholderResolver>;
  /** Names the owner of the shape in "required" messages, e.g. "kind Component". */
  owner: string;
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function expectation(shape: Shape): string {
  switch (shape.type) {
    case "string":
      return shape.hint ?? (shape.nonEmpty ? "a non-empty string" : "a string");
    case "string-or-boolean":
      return "a string or a boolean";
    case "object":
      return shape.hint ?? "a mapping";
    case "array":
      return shape.hint ?? "a list";
    case "object-or-array":
      return "a mapping or a list of mappings";
    case "any":
      return "any value";
  }
}

function wrongType(value: unknown, shape: Shape, segments: PathSegment[], ctx: ShapeContext) {
  let problem: string;
  if (value === null) problem = "is empty (null)";
  else if (typeof value === "object") problem = `is ${typeName(value)}`;
  else problem = `${showValue(value)} is ${typeName(value)}`;
  ctx.issues.add(segments, "wrong-type", problem, `expected ${expectation(shape)}`);
}

export function checkShape(value: unknown, shape: Shape, segments: PathSegment[], ctx: ShapeContext): void {
  const resolver = isObject(value) ? ctx.resolverOf.get(value) : undefined;
  // $json/$yaml content is unknown until fetched; $text always yields a string.
  if (resolver === "json" || resolver === "yaml" || shape.type === "any") return;
  if (resolver === "text") {
    if (shape.type === "string" || shape.type === "string-or-boolean") return;
    ctx.issues.add(
      segments,
      "wrong-type",
      "is a $text placeholder, which is replaced by a string",
      `expected ${expectation(shape)}`,
    );
    return;
  }
  switch (shape.type) {
    case "string":
      return checkString(value, shape, segments, ctx);
    case "string-or-boolean":
      if (typeof value !== "string" && typeof value !== "boolean") wrongType(value, shape, segments, ctx);
      return;
    case "object":
      return checkObject(value, shape, segments, ctx);
    case "array":
      if (!Array.isArray(value)) return wrongType(value, shape, segments, ctx);
      if (shape.minItems !== undefined && value.length < shape.minItems) {
        ctx.issues.add(segments, "wrong-type", "is an empty list", `expected at least ${shape.minItems} item(s)`);
      }
      if (shape.items) {
        const items = shape.items;
        value.forEach((item, i) => checkShape(item, items, [...segments, i], ctx));
      }
      return;
    case "object-or-array":
      if (isObject(value)) return checkShape(value, shape.object, segments, ctx);
      if (Array.isArray(value)) return checkShape(value, shape.array, segments, ctx);
      return wrongType(value, shape, segments, ctx);
  }
}

function checkString(
  value: unknown,
  shape: Extract<Shape, { type: "string" }>,
  segments: PathSegment[],
  ctx: ShapeContext,
): void {
  if (typeof value !== "string") return wrongType(value, shape, segments, ctx);
  if (shape.nonEmpty && value.length === 0) {
    ctx.issues.add(segments, "wrong-type", "is an empty string", `expected ${expectation(shape)}`);
    return;
  }
  if (shape.oneOf && !shape.oneOf.includes(value)) {
    ctx.issues.add(
      segments,
      "invalid-format",
      `${showValue(value)} is not allowed`,
      `one of ${shape.oneOf.join(", ")}`,
    );
  }
}

function checkObject(
  value: unknown,
  shape: Extract<Shape, { type: "object" }>,
  segments: PathSegment[],
  ctx: ShapeContext,
): void {
  if (!isObject(value)) return wrongType(value, shape, segments, ctx);
  for (const key of shape.required ?? []) {
    if (!Object.hasOwn(value, key)) {
      const property = shape.properties?.[key];
      const what = property ? `: ${expectation(property)}` : "";
      ctx.issues.add([...segments, key], "required", "is missing", `required by ${ctx.owner}${what}`);
    }
  }
  for (const key of Object.keys(value)) {
    const property = shape.properties && Object.hasOwn(shape.properties, key) ? shape.properties[key] : undefined;
    const child = property ?? shape.additional;
    if (child) checkShape(value[key], child, [...segments, key], ctx);
  }
}
