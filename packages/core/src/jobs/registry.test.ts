import { describe, expect, it } from "vitest";
import { z } from "zod";
import { providers } from "../integrations/providers";
import { stepJob } from "../integrations/jobs";
import { defineProvider } from "../integrations/provider";
import { defineJob, INSIGHTS_QUEUE, INTEGRATIONS_QUEUE, MAINTENANCE_QUEUE } from "./define-job";
import { jobRegistry, jobsOfQueue } from "./registry";

describe("the job registry", () => {
  it("names every job once, as domain.action, on one of the three queues", () => {
    const names = jobRegistry().map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
    expect(
      jobsOfQueue(MAINTENANCE_QUEUE)
        .map((job) => job.name)
        .sort(),
    ).toEqual(["catalog.purgeOrphans", "invitations.purgeStale", "sessions.purgeExpired"]);
    expect(
      jobsOfQueue(INTEGRATIONS_QUEUE)
        .map((job) => job.name)
        .sort(),
    ).toEqual(
      [
        "billing.syncSeats",
        "integrations.reconcile",
        "integrations.sync",
        "scim.refreshCatalog",
        "webhooks.purgeDeliveries",
        ...Object.values(providers).flatMap((p) => [`${p.kind}.syncStep`, ...(p.sync.jobs ?? []).map((j) => j.name)]),
      ].sort(),
    );
    expect(
      jobsOfQueue(INSIGHTS_QUEUE)
        .map((job) => job.name)
        .sort(),
    ).toEqual(["insights.retention", "insights.rollup", "insights.writeEvents"]);
  });

  it("puts every provider's sync work under the per-org fairness lease", () => {
    for (const provider of Object.values(providers)) {
      const syncJobs = [stepJob(provider), ...(provider.sync.jobs ?? [])];
      expect(syncJobs.map((job) => [job.name, job.fairness])).toEqual(syncJobs.map((job) => [job.name, "org"]));
    }
  });

  it("schedules from the definitions, with settings from the worker's env", () => {
    const scheduled = Object.fromEntries(
      jobRegistry()
        .filter((job) => job.schedule)
        .map((job) => [
          job.name,
          { every: job.schedule!.every, payload: job.schedule!.payload({ orphanGraceHours: 48 }) },
        ]),
    );
    expect(scheduled).toEqual({
      "sessions.purgeExpired": { every: 3600_000, payload: {} },
      "invitations.purgeStale": { every: 6 * 3600_000, payload: { olderThanDays: 30 } },
      "catalog.purgeOrphans": { every: 3600_000, payload: { graceHours: 48 } },
      "integrations.reconcile": { every: 5 * 60_000, payload: {} },
      "webhooks.purgeDeliveries": { every: 6 * 3600_000, payload: { olderThanDays: 30 } },
      "insights.rollup": { every: 60_000, payload: {} },
      "insights.retention": { every: 24 * 3600_000, payload: {} },
    });
  });

  it("refuses names that are not domain.action, and the org lease outside integration jobs", () => {
    const base = { payload: z.object({}), handle: async () => null };
    expect(() => defineJob({ ...base, name: "purge", queue: MAINTENANCE_QUEUE })).toThrow(/domain\.action/);
    expect(() => defineJob({ ...base, name: "a.b", queue: MAINTENANCE_QUEUE, fairness: "org" })).toThrow(
      /per-org lease/,
    );
  });

  it("gives a new provider its step job from the contract alone", () => {
    const example = defineProvider({
      kind: "example",
      label: "Example",
      configSchema: z.object({}),
      credentialsSchema: z.object({ token: z.string() }),
      readConfig: () => ({}),
      syncIntervalMinutes: () => 5,
      view: () => ({ config: {} as never, webhookSecretHint: null }),
      testConnection: async () => ({ ok: true }),
      sync: {
        initialCheckpoint: () => ({ step: 0, phase: "all" }),
        createRuntime: () => null,
        runStep: async () => ({ kind: "done" }),
      },
    });
    const job = stepJob(example);
    expect({ name: job.name, queue: job.queue, fairness: job.fairness }).toEqual({
      name: "example.syncStep",
      queue: INTEGRATIONS_QUEUE,
      fairness: "org",
    });
  });
});
