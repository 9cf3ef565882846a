import { describe, expect, it } from "vitest";
import type { SyncRunStatus } from "@stagedoor/db";
import { makeOrg, testDatabase } from "@stagedoor/db/testing";
import { noteSyncRetry } from "./note-retry";

const db = testDatabase();

async function runWithStatus(status: SyncRunStatus) {
  const org = await makeOrg(db);
  const integration = await db.admin.integration.create({
    data: { orgId: org.id, provider: "github", name: "GitHub", config: {}, credentialsCiphertext: "" },
  });
  const run = await db.admin.syncRun.create({
    data: { orgId: org.id, integrationId: integration.id, trigger: "manual", status },
  });
  return { tdb: db.forOrg(org.id), runId: run.id };
}

describe("a retried sync step", () => {
  it("says which attempt failed, why, and when the next one starts", async () => {
    const { tdb, runId } = await runWithStatus("running");
    const nextAt = new Date("2026-01-02T03:04:05Z");
    await noteSyncRetry(tdb, runId, { attempt: 2, attempts: 5, error: "socket hang up", nextAt });
    const run = await tdb.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.message).toBe("Attempt 2 of 5 failed (socket hang up); retrying at 03:04:05 UTC.");
    expect(run.status).toBe("running");
  });

  it("leaves a finished run's message alone", async () => {
    const { tdb, runId } = await runWithStatus("failed");
    await noteSyncRetry(tdb, runId, { attempt: 1, attempts: 5, error: "late", nextAt: null });
    expect((await tdb.syncRun.findUniqueOrThrow({ where: { id: runId } })).message).toBeNull();
  });
});
