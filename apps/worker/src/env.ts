import { DEFAULT_ORPHAN_GRACE_HOURS } from "@stagedoor/core/limits";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL"),
  SECRETS_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/,
      "must be a keyring like k1:<32 bytes base64>",
    ),
  OUTBOUND_ALLOW_PRIVATE_NETWORKS: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/)
    .default("stagedoor"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Integration jobs of one org running at once across all workers (fairness between orgs).
  SYNC_ORG_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  // Insights event batches written at once (each is one INSERT of up to 200 rows).
  INSIGHTS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // How often the Insights rollup runs (the page's numbers lag use by about this much).
  INSIGHTS_ROLLUP_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Billing, as the web app reads it: with a secret key the worker keeps Team seats in step
  // with Stripe (billing.syncSeats); without one that job does nothing.
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  STRIPE_PRICES: z.string().default(""),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(5),
  // How long an orphaned catalog entity stays visible before catalog.purgeOrphans deletes it.
  CATALOG_ORPHAN_GRACE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 365)
    .default(DEFAULT_ORPHAN_GRACE_HOURS),
});

export type WorkerEnv = z.infer<typeof schema>;

/** The only reader of process.env in the worker; exits naming every bad variable. */
export function loadEnv(raw: Record<string, string | undefined> = process.env): WorkerEnv {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0]);
    return `  ${name} ${raw[name] === undefined ? "is required but not set" : i.message}`;
  });
  throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
}
