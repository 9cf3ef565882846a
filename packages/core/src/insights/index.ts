export {
  insightsBatchSchema,
  insightsEventSchema,
  insightsWritePayloadSchema,
  apiCallEventSchema,
  INSIGHTS_MILESTONES,
  type InsightsBatch,
  type InsightsEvent,
  type InsightsWritePayload,
} from "./events";
export {
  createBullInsightsQueue,
  INSIGHTS_QUEUE,
  WRITE_EVENTS_JOB,
  type BullInsightsQueue,
  type InsightsQueue,
} from "./queue";
export { toRows, writeInsightsEvents, type InsightsRow } from "./write-events";
export { rollupDay, rollupOrg, rollupDirtyDays, ROLLUP_DIMENSIONS, type RollupDimension } from "./rollup";
export { applyInsightsRetention } from "./retention";
export {
  getInsightsSettings,
  updateInsightsSettings,
  readInsightsSettings,
  insightsSettingsInput,
  type InsightsSettingsView,
} from "./settings";
export { insightsReport, pseudonym, type InsightsReport } from "./report";
export {
  insightsRangeInput,
  lastDays,
  resolveRange,
  type InsightsRange,
  type InsightsRangeInput,
} from "./report-range";
export { insightsJobs } from "./jobs";
export { acceptInsightsBatch, type AcceptedBatch } from "./accept-batch";
