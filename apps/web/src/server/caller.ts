import "server-only";
import { cache } from "react";
import { appRouter, createCallerFactory } from "@stagedoor/api";
import { db } from "./db";
import { integrationDeps } from "./integrations";
import { billingDeps } from "./billing";
import { sessionUser } from "./session";

const createCaller = createCallerFactory(appRouter);

/**
 * tRPC for React Server Components: the same procedures, ladder and tenancy checks as
 * the HTTP endpoint, with the org taken from the page's own URL slug.
 */
export const serverCaller = cache(async (orgSlug: string | null = null) =>
  createCaller({
    admin: db(),
    user: await sessionUser(),
    orgSlug,
    integrations: integrationDeps(),
    billing: billingDeps(),
  }),
);
