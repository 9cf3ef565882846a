import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "@stagedoor/connectors/testing";
import type { Database } from "@stagedoor/db";
import { makeMember, makeOrg, makeUser } from "@stagedoor/db/testing";
import type { UserPrincipal } from "../../authz";
import { createSecretBox, parseKeyring } from "../../secrets";
import type { IntegrationDeps } from "../deps";
import type { SyncQueue } from "../queue/sync-jobs";
import { saveGitHubIntegration, type SaveGitHubInput } from "../providers/github/save-github";
import { runSyncStep, type StepOutcome, type SyncRuntime } from "../providers/github/sync/run-step";
import { readCheckpoint } from "../providers/github/sync/checkpoint";
import type { Fingerprint, FingerprintStore } from "../sync/fingerprint-store";

/** The worker keeps fingerprints in Redis (and tests that store too); most tests keep them here. */
export function memoryFingerprints(): FingerprintStore & { entries: Map<string, Fingerprint> } {
  const entries = new Map<string, Fingerprint>();
  const key = (integrationId: string, id: number) => `${integrationId}/${id}`;
  return {
    entries,
    async get(integrationId, ids) {
      return new Map(
        ids.flatMap((id) => (entries.has(key(integrationId, id)) ? [[id, entries.get(key(integrationId, id))!]] : [])),
      );
    },
    async set(integrationId, list) {
      for (const [id, print] of list) entries.set(key(integrationId, id), print);
    },
    async delete(integrationId, ids) {
      for (const id of ids) entries.delete(key(integrationId, id));
    },
  };
}

export const FAKE_TOKEN = "github_pat_test_0123456789abcdef";

/** A queue that records what would be enqueued, for tests that drive steps themselves. */
export function recordingQueue() {
  const calls: Array<{ method: keyof SyncQueue; args: unknown[] }> = [];
  const record =
    (method: keyof SyncQueue) =>
    async (...args: unknown[]) => {
      calls.push({ method, args });
    };
  const queue: SyncQueue = {
    enqueueStep: record("enqueueStep"),
    enqueue: record("enqueue"),
    upsertSchedule: record("upsertSchedule"),
    removeSchedule: record("removeSchedule"),
  };
  return { queue, calls };
}

export function testDeps(overrides: Partial<IntegrationDeps> = {}): IntegrationDeps {
  return {
    secrets: createSecretBox(parseKeyring(process.env.SECRETS_KEYS ?? "")),
    allowPrivateNetworks: true,
    queue: recordingQueue().queue,
    // Fast failures: tests inject faults and must not wait out real backoff.
    github: { client: { retryBaseDelayMs: 1, maxRetries: 1 } },
    ...overrides,
  };
}

/** A fake GitHub whose token FAKE_TOKEN belongs to "octocat", with the given org data. */
export function startGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return startFakeGitHub({ tokens: { [FAKE_TOKEN]: { login: "octocat" } }, ...options });
}

export async function adminOf(db: Database) {
  const org = await makeOrg(db);
  const user = await makeUser(db);
  await makeMember(db, org.id, user.id, "OWNER");
  const actor: UserPrincipal = { type: "user", userId: user.id, email: user.email, role: "OWNER" };
  return { org, user, actor, tdb: db.forOrg(org.id) };
}

/** An org with a GitHub integration (token auth) pointing at `fake`. */
export async function connectedOrg(
  db: Database,
  deps: IntegrationDeps,
  fake: FakeGitHub,
  overrides: Partial<SaveGitHubInput> = {},
) {
  const admin = await adminOf(db);
  const { id } = await saveGitHubIntegration(admin.tdb, admin.actor, deps, {
    name: "GitHub",
    baseUrl: fake.url,
    owner: fake.state.org,
    auth: { type: "token", token: FAKE_TOKEN },
    ...overrides,
  });
  return { ...admin, integrationId: id };
}

/** Drives a run's steps in this process until it ends; returns every outcome in order. */
export async function runToEnd(
  tdb: ReturnType<Database["forOrg"]>,
  deps: IntegrationDeps,
  integrationId: string,
  syncRunId: string,
  runtime: SyncRuntime = {},
  maxSteps = 500,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const run = await tdb.syncRun.findUniqueOrThrow({ where: { id: syncRunId } });
    const step = readCheckpoint(run.checkpoint).step;
    const outcome = await runSyncStep(tdb, deps, { orgId: tdb.orgId, integrationId, syncRunId, step }, runtime);
    outcomes.push(outcome);
    if (outcome.kind !== "continue") return outcomes;
  }
  throw new Error(`run ${syncRunId} did not finish in ${maxSteps} steps`);
}
