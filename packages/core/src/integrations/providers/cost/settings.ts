import { z } from "zod";
import { DEFAULT_COST_GROWTH_ALERT_PERCENT } from "../../../limits";
import { allocationRulesSchema, DEFAULT_ALLOCATION_RULES, type AllocationRule } from "./allocation";

export const COST_PROVIDER = "focus";
/** Exports at a URL or in a bucket are re-imported daily. */
export const COST_SYNC_INTERVAL_MINUTES = 24 * 60;

/** Where the export is read from. An upload has no source to re-read: it imports once. */
export type CostSource =
  | { type: "url"; url: string }
  | { type: "s3"; endpoint: string | null; region: string; bucket: string; prefix: string; forcePathStyle: boolean }
  | { type: "upload" };

export type CostConfig = {
  source: CostSource;
  allocation: AllocationRule[];
  growthAlertPercent: number;
};

export const costSourceSchema: z.ZodType<CostSource> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("url"), url: z.string().trim().url().max(2000) }),
  z.object({
    type: z.literal("s3"),
    endpoint: z.string().trim().url().max(2000).nullable(),
    region: z.string().trim().min(1).max(64),
    bucket: z.string().trim().min(3).max(63),
    prefix: z.string().trim().max(1024),
    forcePathStyle: z.boolean(),
  }),
  z.object({ type: z.literal("upload") }),
]);

export const costConfigSchema: z.ZodType<CostConfig> = z.object({
  source: costSourceSchema,
  allocation: allocationRulesSchema,
  growthAlertPercent: z.number().min(1).max(1000),
});

/** Sealed: an S3 key pair, or a bearer token / header for an export URL; nothing for uploads. */
export type CostCredentials =
  | { type: "s3"; accessKeyId: string; secretAccessKey: string }
  | { type: "url"; authorization: string | null }
  | { type: "none" };

export const costCredentialsSchema: z.ZodType<CostCredentials> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("s3"), accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }),
  z.object({ type: z.literal("url"), authorization: z.string().nullable() }),
  z.object({ type: z.literal("none") }),
]);

export function readCostConfig(raw: unknown): CostConfig {
  const parsed = costConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const r = (raw ?? {}) as Partial<CostConfig>;
  const source = costSourceSchema.safeParse(r.source);
  return {
    source: source.success ? source.data : { type: "upload" },
    allocation: allocationRulesSchema.safeParse(r.allocation).data ?? [...DEFAULT_ALLOCATION_RULES],
    growthAlertPercent:
      typeof r.growthAlertPercent === "number" ? r.growthAlertPercent : DEFAULT_COST_GROWTH_ALERT_PERCENT,
  };
}

/** What the integrations page shows of a cost export: never a key or a token. */
export type CostConfigView = {
  sourceType: CostSource["type"];
  location: string;
  allocation: AllocationRule[];
  growthAlertPercent: number;
};

export function costConfigView(raw: unknown): CostConfigView {
  const config = readCostConfig(raw);
  const s = config.source;
  const location =
    s.type === "url"
      ? s.url
      : s.type === "s3"
        ? `s3://${s.bucket}/${s.prefix}${s.endpoint ? ` at ${s.endpoint}` : ""}`
        : "Uploaded file";
  return { sourceType: s.type, location, allocation: config.allocation, growthAlertPercent: config.growthAlertPercent };
}
