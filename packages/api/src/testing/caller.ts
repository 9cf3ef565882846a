import { makeUser, testDatabase } from "@stagedoor/db/testing";
import { appRouter } from "../root";
import type { SessionUser } from "../context";
import { createCallerFactory } from "../trpc";
import type { IntegrationDeps } from "@stagedoor/core";
import { testIntegrationDeps } from "./integration-deps";

const createCaller = createCallerFactory(appRouter);
const db = testDatabase();

export type TestUser = SessionUser;

export async function signedInUser(email?: string): Promise<TestUser> {
  const u = await makeUser(db, email ? { email } : {});
  return { userId: u.id, email: u.email, name: u.name };
}

/** A caller as `user` on the page of org `slug`, exactly as the web route builds it. */
export function callerFor(user: TestUser | null, slug: string | null = null, integrations?: IntegrationDeps) {
  return createCaller({ admin: db, user, orgSlug: slug, integrations: integrations ?? testIntegrationDeps() });
}

export { db };
export { testIntegrationDeps, testSyncQueue } from "./integration-deps";
