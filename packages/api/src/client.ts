// Browser-safe exports: nothing here may import server code (types only, plus constants).
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root";

export type { AppRouter };
/** What each procedure answers, as the browser receives it: UI types derive from these. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What each procedure accepts. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export { ORG_SLUG_HEADER } from "./org-slug-header";
