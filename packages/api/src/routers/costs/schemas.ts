import { z } from "zod";
import { allocationRulesSchema, costSourceSchema } from "@stagedoor/core";

export const costCredentialsInput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("s3"),
    accessKeyId: z.string().min(1).max(256),
    secretAccessKey: z.string().min(1).max(1024),
  }),
  z.object({ type: z.literal("url"), authorization: z.string().max(4096).nullable() }),
  z.object({ type: z.literal("none") }),
]);

export const testCostInput = z.object({ source: costSourceSchema, credentials: costCredentialsInput });

export const saveCostInput = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(200),
  source: costSourceSchema,
  credentials: z.union([costCredentialsInput, z.object({ type: z.literal("saved") })]),
  allocation: allocationRulesSchema.optional(),
  growthAlertPercent: z.number().min(1).max(1000).optional(),
});

export const insightsInput = z.object({
  days: z.union([z.literal(30), z.literal(90)]).default(30),
  groupBy: z.enum(["team", "system", "entity"]).default("team"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullish(),
});

export const entityCostsInput = z.object({ ref: z.string().min(1).max(300) });
