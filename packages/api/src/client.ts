// Browser-safe exports: nothing here may import server code.
export type { AppRouter } from "./root";
export const ORG_SLUG_HEADER = "x-stagedoor-org";
