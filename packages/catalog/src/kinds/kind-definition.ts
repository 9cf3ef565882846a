import type { Shape } from "../shape";

// The type alone, apart from the registry in kind-spec.ts: the kind files import it and
// the registry imports the kind files, so keeping both in one module made a cycle.
export type KindSpec = {
  /** Exact spelling: Backstage matches kinds case-sensitively. */
  kind: string;
  apiVersions: readonly string[];
  /** Rules for `spec`, which every known kind requires. */
  spec: Shape;
};
