import { z } from "zod";
import { defineJob } from "../jobs/define-job";
import { insightsWritePayloadSchema } from "./events";
import { INSIGHTS_QUEUE, WRITE_EVENTS_JOB } from "./queue";
import { applyInsightsRetention } from "./retention";
import { rollupDirtyDays } from "./rollup";
import { toRows, writeInsightsEvents } from "./write-events";

const MINUTE = 60_000;

/** One batch from the route: re-validated (the queue is not trusted more than the route), then one INSERT. */
export const writeEventsJob = defineJob({
  name: WRITE_EVENTS_JOB,
  queue: INSIGHTS_QUEUE,
  payload: insightsWritePayloadSchema,
  handle: async (payload, { db }) => ({ written: await writeInsightsEvents(db, payload.orgId, toRows(payload)) }),
});

/** Recomputes the daily rollups of the days that received events since the last run. */
export const rollupJob = defineJob({
  name: "insights.rollup",
  queue: INSIGHTS_QUEUE,
  payload: z.object({}),
  schedule: { every: MINUTE, payload: () => ({}) },
  options: { attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  handle: (_payload, { db }) => rollupDirtyDays(db),
});

/** Retention and partitions, daily. */
export const retentionJob = defineJob({
  name: "insights.retention",
  queue: INSIGHTS_QUEUE,
  payload: z.object({}),
  schedule: { every: 24 * 60 * MINUTE, payload: () => ({}) },
  options: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
  handle: (_payload, { db }) => applyInsightsRetention(db),
});

export const insightsJobs = [writeEventsJob, rollupJob, retentionJob] as const;
