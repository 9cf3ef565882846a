import {
  createScimToken,
  jobsOfQueue,
  INTEGRATIONS_QUEUE,
  REFRESH_SCIM_CATALOG_JOB,
  SYNC_SEATS_JOB,
  type JobServices,
  type ScimCatalogQueue,
} from "@stagedoor/core";
import { makeMember, makeOrg, makeUser, setOrgPlan, testDatabase } from "@stagedoor/db/testing";
import { createScimRestHandler } from "../rest/scim/handler";

export const db = testDatabase();

/** The catalog refreshes SCIM writes asked for, by job id (a repeated id is the same job). */
export const pendingRefreshes = new Map<string, { name: string; data: unknown; delayMs?: number }>();
/** Orgs whose Team seat sync (billing.syncSeats) a SCIM write asked for, in order. */
export const seatSyncRequests: string[] = [];
const queue: ScimCatalogQueue = {
  async enqueue(name, data, opts) {
    if (name === SYNC_SEATS_JOB) return void seatSyncRequests.push((data as { orgId: string }).orgId);
    if (!pendingRefreshes.has(opts.jobId)) pendingRefreshes.set(opts.jobId, { name, data, delayMs: opts.delayMs });
  },
};
const handle = createScimRestHandler({ db: () => db, queue: () => queue });

/**
 * Runs the refresh jobs asked for so far through the job registry's own definition, as the
 * worker would once their window ends, for the orgs given (other test files' orgs are left).
 */
export async function runCatalogRefreshes(...orgIds: string[]): Promise<number> {
  const job = jobsOfQueue(INTEGRATIONS_QUEUE).find((j) => j.name === REFRESH_SCIM_CATALOG_JOB)!;
  let ran = 0;
  for (const [id, pending] of pendingRefreshes) {
    const payload = job.payload.parse(pending.data) as { orgId: string };
    if (!orgIds.includes(payload.orgId)) continue;
    pendingRefreshes.delete(id);
    await job.handle(payload, { db, services: {} as JobServices, job: { id, attemptsMade: 0, attempts: 1 } });
    ran++;
  }
  return ran;
}

// Bodies are whatever JSON the server answered; the tests assert their shape.
export type ScimResponse = { status: number; headers: Headers; body: ReturnType<typeof JSON.parse> };

/** The SCIM handler as the Next route mounts it, called as an identity provider would. */
export async function scim(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ScimResponse> {
  const res = await handle(
    new Request(`http://localhost/api/scim/v2${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/scim+json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** An Enterprise org (SCIM is Enterprise) with an owner (so deprovisioning never hits the last-owner rule) and a SCIM token. */
export async function orgWithScim() {
  const org = await makeOrg(db);
  await setOrgPlan(db, org.id, "enterprise");
  const owner = await makeUser(db);
  await makeMember(db, org.id, owner.id, "OWNER");
  const actor = { type: "user" as const, userId: owner.id, email: owner.email, role: "OWNER" as const };
  const tdb = db.forOrg(org.id);
  const { token, scimToken } = await createScimToken(tdb, actor, { name: "Okta" });
  return { org, tdb, actor, token, scimToken };
}
