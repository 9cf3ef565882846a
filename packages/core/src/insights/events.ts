import { z } from "zod";
import { INSIGHTS_MAX_BATCH_EVENTS, INSIGHTS_MAX_EVENT_AGE_MS } from "../limits";

/**
 * What the portal may report about its own use. Objects are strict: an unknown field (an
 * `orgId` someone added, say) refuses the whole batch rather than being ignored, so the
 * sender learns at once. The org and the user never come from here: the route takes them
 * from the session (docs/insights.md).
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** How long ago the event happened, in ms: the browser's clock is never trusted, only the delay. */
const ageMs = z.number().int().min(0).max(INSIGHTS_MAX_EVENT_AGE_MS).default(0);

export const entityContextSchema = z.strictObject({
  ref: text(300),
  kind: text(64),
  owner: text(300).nullish(),
  system: text(300).nullish(),
});

export const pageViewEventSchema = z.strictObject({
  type: z.literal("page_view"),
  ageMs,
  /** The plugin or area of the portal ("catalog", "costs", "insights", ...). */
  plugin: text(64),
  /** The page's route pattern with ids left out where possible ("/catalog/component"). */
  page: text(300),
  entity: entityContextSchema.nullish(),
});

export const searchEventSchema = z.strictObject({
  type: z.literal("search"),
  ageMs,
  query: text(200),
  resultCount: z.number().int().min(0).max(1_000_000),
  /** The result the member opened (an entity ref), or null when they opened none. */
  clicked: text(300).nullish(),
});

export const INSIGHTS_MILESTONES = [
  "onboarding.completed",
  "onboarding.step",
  "integration.connected",
  "catalog.imported",
  "member.invited",
] as const;

export const milestoneEventSchema = z.strictObject({
  type: z.literal("milestone"),
  ageMs,
  milestone: z.enum(INSIGHTS_MILESTONES),
});

export const insightsEventSchema = z.discriminatedUnion("type", [
  pageViewEventSchema,
  searchEventSchema,
  milestoneEventSchema,
]);
export type InsightsEvent = z.infer<typeof insightsEventSchema>;

/** The body of POST /api/insights/events: the org by slug (checked against the session), then events. */
export const insightsBatchSchema = z.strictObject({
  org: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/),
  events: z.array(insightsEventSchema).min(1).max(INSIGHTS_MAX_BATCH_EVENTS),
});
export type InsightsBatch = z.infer<typeof insightsBatchSchema>;

/** API and CLI use, recorded by the server where a token is authenticated (never sent by browsers). */
export const apiCallEventSchema = z.strictObject({
  type: z.literal("api_call"),
  ageMs,
  /** The route pattern, e.g. "GET /entities/by-query". */
  page: text(300),
  tokenId: text(100),
  /** cli when the stagedoor CLI made the call (its User-Agent), api otherwise. */
  client: z.enum(["cli", "api"]),
});

/** What the queue carries: events that were valid, with who sent them and when they arrived. */
export const insightsWritePayloadSchema = z.strictObject({
  orgId: z.string().min(1).max(100),
  userId: z.string().min(1).max(100),
  receivedAt: z.number().int().positive(),
  events: z
    .array(z.union([insightsEventSchema, apiCallEventSchema]))
    .min(1)
    .max(INSIGHTS_MAX_BATCH_EVENTS),
});
export type InsightsWritePayload = z.infer<typeof insightsWritePayloadSchema>;
