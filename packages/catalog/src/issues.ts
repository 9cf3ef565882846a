import type { EntityIssue, IssueCode, PathSegment } from "./types";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `["spec", "providesApis", 0]` → `spec.providesApis[0]`; odd keys are quoted. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The value as a developer would recognise it in their file, kept short. */
export function showValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = "nothing";
  else if (typeof value === "number" && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The JSON-schema type name of a value, in words. */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return typeof value;
}

export function makeIssue(
  segments: readonly PathSegment[],
  code: IssueCode,
  problem: string,
  rule: string,
  target: "key" | "value" = "value",
): EntityIssue {
  return { segments: [...segments], path: formatPath(segments), code, problem, rule, target };
}

/** Collects issues and remembers which paths already have one, to avoid piling on. */
export class IssueList {
  readonly items: EntityIssue[] = [];

  add(
    segments: readonly PathSegment[],
    code: IssueCode,
    problem: string,
    rule: string,
    target: "key" | "value" = "value",
  ): void {
    this.items.push(makeIssue(segments, code, problem, rule, target));
  }

  /** Whether an issue was reported at `segments` or anywhere below it. */
  hasAt(segments: readonly PathSegment[]): boolean {
    return this.items.some(
      (issue) =>
        issue.segments.length >= segments.length && segments.every((segment, i) => issue.segments[i] === segment),
    );
  }
}
