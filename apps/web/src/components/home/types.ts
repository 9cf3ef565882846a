import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@stagedoor/api";

export type HomeData = inferRouterOutputs<AppRouter>["home"]["get"];
export type HomeEntity = HomeData["starred"][number];
