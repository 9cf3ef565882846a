import { CORE_KINDS } from "./core-kinds";
import type { KindSpec } from "./kind-definition";
import { TEMPLATE_KIND } from "./template-kind";

export type { KindSpec };

export const KNOWN_KINDS: readonly KindSpec[] = [...CORE_KINDS, TEMPLATE_KIND];

export const KNOWN_KIND_NAMES: readonly string[] = KNOWN_KINDS.map((k) => k.kind);

export type KindMatch =
  | { status: "known"; spec: KindSpec }
  | { status: "wrong-case"; spec: KindSpec }
  | { status: "wrong-api-version"; spec: KindSpec }
  | { status: "unknown" };

/** Finds the kind Backstage would validate this pair with, or why none applies. */
export function matchKind(kind: string, apiVersion: string): KindMatch {
  const exact = KNOWN_KINDS.find((k) => k.kind === kind);
  if (exact) {
    return exact.apiVersions.includes(apiVersion)
      ? { status: "known", spec: exact }
      : { status: "wrong-api-version", spec: exact };
  }
  const folded = KNOWN_KINDS.find((k) => k.kind.toLowerCase() === kind.toLowerCase());
  return folded ? { status: "wrong-case", spec: folded } : { status: "unknown" };
}
